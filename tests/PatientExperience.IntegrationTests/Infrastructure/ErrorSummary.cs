using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace PatientExperience.IntegrationTests.Infrastructure;

/// <summary>Reads a form drawn again with errors the way assistive technology does (the GOV.UK error pattern).</summary>
internal static class ErrorSummary
{
    /// <summary>
    /// The page has one error summary (focusable, titled) linking to each named field; each field is
    /// <c>aria-invalid="true"</c> and described by an element whose text is the same message. No other field is marked
    /// invalid. Returns the messages by field name.
    /// </summary>
    public static Dictionary<string, string> AssertTiedToFields(IHtmlDocument page, params string[] fieldNames)
    {
        var summary = Assert.Single(page.QuerySelectorAll(".error-summary"));
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        Assert.NotEqual(string.Empty, summary.QuerySelector("h2")?.TextContent.Trim() ?? string.Empty);
        var messages = new Dictionary<string, string>();
        foreach (var name in fieldNames)
        {
            var field = page.QuerySelectorAll($"[name='{name}']").FirstOrDefault(e => e.GetAttribute("type") != "hidden")
                ?? throw new InvalidOperationException("No field " + name);
            Assert.False(string.IsNullOrEmpty(field.Id), $"{name} has no id to link to");
            Assert.Equal("true", field.GetAttribute("aria-invalid"));
            var link = summary.QuerySelector($"a[href='#{field.Id}']");
            Assert.True(link is not null, $"The summary has no link to #{field.Id}: {summary.OuterHtml}");
            var message = link.TextContent.Trim();
            Assert.NotEqual(string.Empty, message);
            var described = (field.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(page.GetElementById).OfType<IElement>().Select(e => e.TextContent.Trim()).ToList();
            Assert.Contains(message, described);
            messages[name] = message;
        }
        var invalid = page.QuerySelectorAll("[aria-invalid='true']").Select(e => e.GetAttribute("name")).ToList();
        Assert.Equal(fieldNames.Order(), invalid.Order()!);
        return messages;
    }
}
