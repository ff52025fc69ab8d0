using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PatientExperience.BrowserTests.Infrastructure;

/// <summary>axe-core's WCAG 2.0 and 2.1 A/AA rules, colour contrast included, on the page as it is now.</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task AssertNoViolationsAsync(IPage page, string pageName)
    {
        var result = await page.RunAxe(WcagAA);
        if (result.Violations.Length > 0)
            Assert.Fail(Describe(pageName, page.Url, result.Violations));
    }

    /// <summary>One line per rule and one per element, so the failure says what to fix and where.</summary>
    private static string Describe(string pageName, string url, AxeResultItem[] violations)
    {
        var text = new StringBuilder($"{violations.Length} accessibility rule(s) broken on {pageName} ({url}):");
        foreach (var rule in violations)
        {
            text.AppendLine().Append($"- {rule.Id} [{rule.Impact}]: {rule.Help} ({rule.HelpUrl})");
            foreach (var node in rule.Nodes)
            {
                var why = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).FirstOrDefault();
                text.AppendLine().Append($"    at {node.Target}: {why}");
            }
        }
        return text.ToString();
    }
}
