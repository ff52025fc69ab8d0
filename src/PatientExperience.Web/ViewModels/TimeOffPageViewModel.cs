namespace PatientExperience.Web.ViewModels;

/// <param name="SiteId">A site's own holidays (on top of the group's): the page adds and lists that site's only.</param>
public sealed record TimeOffPageViewModel(int? StaffId, string Title, IReadOnlyList<Core.Staff.TimeOffRow> Rows, DateOnly? From = null, DateOnly? To = null, string? Reason = null,
    int? SiteId = null);
