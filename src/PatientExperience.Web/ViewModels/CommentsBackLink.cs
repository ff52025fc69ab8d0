using Microsoft.AspNetCore.WebUtilities;

namespace PatientExperience.Web.ViewModels;

/// <summary>
/// The way back from one survey response to the dashboard's comments list it was opened from, with the manager's
/// filter (period, dates, department, clinician, service, trend, theme, tone, page). The response page receives that
/// list's query string; only those names are kept, each short, and the path is always /dashboard/comments, so the
/// link cannot be turned into a way off the portal.
/// </summary>
public static class CommentsBackLink
{
    public const string QueryName = "comments";

    private const int MaxValueLength = 40;

    private static readonly string[] Kept = ["period", "from", "to", "department", "clinician", "service", "trend", "theme", "sentiment", "page"];

    /// <summary>The comments list's URL, or null when the response was not opened from it.</summary>
    public static string? From(string? commentsQuery)
    {
        if (string.IsNullOrWhiteSpace(commentsQuery))
            return null;
        var parsed = QueryHelpers.ParseQuery(commentsQuery.TrimStart('?'));
        var kept = Kept
            .Where(name => parsed.TryGetValue(name, out var v) && v.Count == 1 && !string.IsNullOrEmpty(v[0]) && v[0]!.Length <= MaxValueLength)
            .Select(name => KeyValuePair.Create(name, (string?)parsed[name][0]))
            .ToList();
        return "/dashboard/comments" + QueryString.Create(kept);
    }
}
