using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PatientExperience.Web.Forms;

/// <summary>
/// Gives each field's message element (<c>asp-validation-for</c>, or a hand-written <c>data-valmsg-for</c>) the id its
/// field points at with <c>aria-describedby</c> (<see cref="AccessibleErrors.ErrorId"/>), unless it has one.
/// </summary>
[HtmlTargetElement("*", Attributes = "asp-validation-for")]
[HtmlTargetElement("*", Attributes = "data-valmsg-for")]
public sealed class ErrorMessageTagHelper : TagHelper
{
    // After ValidationMessageTagHelper (-1000), which writes data-valmsg-for.
    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = AccessibleErrors.Text(output, "data-valmsg-for");
        if (string.IsNullOrEmpty(name) || output.Attributes.ContainsName("id"))
            return;
        output.Attributes.SetAttribute("id", AccessibleErrors.ErrorId(name));
    }
}
