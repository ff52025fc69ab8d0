namespace PatientExperience.Core.Appointments;

/// <summary>
/// The front desk's filters over today's visits (department and clinician are applied by the query). By default the
/// list is short: people not seen yet whose time is within the last hour or the next two, so a late patient is still
/// there and the afternoon is not.
/// </summary>
public sealed record DeskFilter(int? DepartmentId, int? ClinicianId, DeskStatus Status, bool WholeDay, string? Search)
{
    public static readonly TimeSpan LookBack = TimeSpan.FromHours(1);
    public static readonly TimeSpan LookAhead = TimeSpan.FromHours(2);
    public const int SearchLength = 100;

    public IReadOnlyList<FlowRow> Apply(IReadOnlyList<FlowRow> today, DateTime nowUtc)
    {
        var search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();
        return [.. today.Where(r =>
            StatusMatches(r.Status)
            && (WholeDay || (r.StartUtc >= nowUtc - LookBack && r.StartUtc <= nowUtc + LookAhead))
            && (search is null
                || r.PatientName.Contains(search, StringComparison.OrdinalIgnoreCase)
                || (r.Reference?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false)))];
    }

    private bool StatusMatches(AppointmentStatus status) => Status switch
    {
        DeskStatus.NotSeen => status is AppointmentStatus.Booked or AppointmentStatus.Arrived,
        DeskStatus.Expected => status == AppointmentStatus.Booked,
        DeskStatus.Waiting => status == AppointmentStatus.Arrived,
        DeskStatus.WithClinician => status == AppointmentStatus.InRoom,
        DeskStatus.Done => status is AppointmentStatus.Completed or AppointmentStatus.NoShow,
        _ => true,
    };
}
