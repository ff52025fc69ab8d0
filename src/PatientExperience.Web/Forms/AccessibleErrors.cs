using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PatientExperience.Web.Forms;

/// <summary>
/// How a field and its error message find each other, the one rule shared by <see cref="FieldErrorTagHelper"/>,
/// <see cref="ErrorMessageTagHelper"/> and the error summary (<c>Shared/_ErrorSummary</c>): a field's id is its
/// name made safe (what <c>asp-for</c> writes), and its message's id is that id plus <c>-error</c>.
/// </summary>
public static class AccessibleErrors
{
    public static string FieldId(string name) => TagBuilder.CreateSanitizedId(name, "_");

    public static string ErrorId(string name) => FieldId(name) + "-error";

    /// <summary>The attribute's text, whether Razor gave it as a string or as HTML content.</summary>
    internal static string? Text(TagHelperOutput output, string attribute)
    {
        if (!output.Attributes.TryGetAttribute(attribute, out var found))
            return null;
        return found.Value switch
        {
            null => null,
            string s => s,
            HtmlString h => h.Value,
            IHtmlContent content => Render(content),
            var other => other.ToString(),
        };
    }

    private static string Render(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
