using PatientExperience.Core.Auditing;

namespace PatientExperience.Web.ViewModels;

public sealed record AuditSearchViewModel(
    string? Patient,
    int? Staff,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyList<StaffChoice> StaffChoices,
    AuditPage? Results,
    int? Client = null,
    IReadOnlyList<ApiClientChoice>? ClientChoices = null)
{
    /// <summary>The filter as a query string (without the page), for paging and export links.</summary>
    public string QueryString(int? page = null)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Patient))
            parts.Add("patient=" + Uri.EscapeDataString(Patient));
        if (Staff is { } staff)
            parts.Add("staff=" + staff.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Client is { } client)
            parts.Add("client=" + client.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (From is { } from)
            parts.Add("from=" + from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (To is { } to)
            parts.Add("to=" + to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (page is { } p)
            parts.Add("page=" + p.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }
}
