using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PatientExperience.Web.Forms;

/// <summary>
/// Every form field whose value was refused says so to assistive technology: <c>aria-invalid="true"</c>, and
/// <c>aria-describedby</c> gains the id of its error message (<see cref="AccessibleErrors.ErrorId"/>), after any ids
/// already there (a hint). Works for <c>asp-for</c> fields and hand-written ones alike, by the field's name; runs after
/// the built-in tag helpers, which write that name.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("input", Attributes = "name")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "name")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "name")]
public sealed class FieldErrorTagHelper : TagHelper
{
    // After InputTagHelper, SelectTagHelper and TextAreaTagHelper (-1000).
    public override int Order => 100;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = AccessibleErrors.Text(output, "name");
        if (string.IsNullOrEmpty(name) || string.Equals(AccessibleErrors.Text(output, "type"), "hidden", StringComparison.OrdinalIgnoreCase))
            return;
        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) is false || entry.Errors.Count == 0)
            return;
        output.Attributes.SetAttribute("aria-invalid", "true");
        var errorId = AccessibleErrors.ErrorId(name);
        var ids = (AccessibleErrors.Text(output, "aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        // A view that already names the message (a hand-written id, a group message) keeps it as it is.
        if (!ids.Contains(errorId, StringComparer.OrdinalIgnoreCase))
            ids.Add(errorId);
        output.Attributes.SetAttribute("aria-describedby", string.Join(' ', ids));
    }
}
