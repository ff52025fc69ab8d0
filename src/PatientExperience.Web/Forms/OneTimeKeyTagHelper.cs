using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PatientExperience.Web.Forms;

/// <summary>
/// <c>&lt;form one-time-key …&gt;</c>: adds a hidden field holding a new random key each time the form is drawn, so
/// <see cref="OnceOnlyAttribute"/> can tell a second copy of the same form from a new one.
/// </summary>
[HtmlTargetElement("form", Attributes = AttributeName)]
public sealed class OneTimeKeyTagHelper : TagHelper
{
    public const string AttributeName = "one-time-key";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.RemoveAll(AttributeName);
        output.PostContent.AppendHtml(string.Create(CultureInfo.InvariantCulture,
            $"<input type=\"hidden\" name=\"{OnceOnlyFilter.FieldName}\" value=\"{Guid.NewGuid():N}\" />"));
    }
}
