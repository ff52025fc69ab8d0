using PatientExperience.Core.Surveys;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Response rate per channel (issue 18 item 4): for the visits of the period and filter, the invitations that went by
/// each channel against the responses that came back through it (<see cref="SurveyResponse.Channel"/>). Every sent
/// invitation is also on the patient's own page, so that row's n is every sent invitation. Two small counts over the
/// invitations' and responses' visit-start indexes, read live (the rollups do not know how an invitation went).
/// </summary>
public static class ResponseChannels
{
    public const string TableKey = "satisfaction-channels";

    /// <summary>How a channel is named to staff, on the dashboard and the response page.</summary>
    public static string Label(ResponseChannel channel) => channel switch
    {
        ResponseChannel.EmailLink => "Email link",
        ResponseChannel.TextLink => "Text link",
        ResponseChannel.Portal => "Patient's own page (signed in)",
        _ => "Not recorded (answered before channels were recorded)",
    };

    public sealed record Counts(long Emailed, long Texted, long Sent, long ByEmail, long ByText, long ByPortal, long Unknown)
    {
        public Share EmailRate => DashboardMath.ResponseRate(ByEmail, Emailed);
        public Share TextRate => DashboardMath.ResponseRate(ByText, Texted);
        public Share PortalRate => DashboardMath.ResponseRate(ByPortal, Sent);
    }

    public static async Task<Counts> CountAsync(IAppDbContext db, DashboardFilter filter, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var (fromUtc, toUtc) = (filter.FromUtc(zone), filter.ToUtcExclusive(zone));
        var invitations = db.SurveyInvitations.AsNoTracking()
            .Where(i => i.VisitStartUtc >= fromUtc && i.VisitStartUtc < toUtc && i.SentAtUtc != null
                        && (filter.DepartmentId == null || i.DepartmentId == filter.DepartmentId)
                        && (filter.ClinicianId == null || i.ClinicianId == filter.ClinicianId)
                        && (filter.ServiceId == null || i.ServiceId == filter.ServiceId));
        var responses = db.SurveyResponses.AsNoTracking()
            .Where(r => r.VisitStartUtc >= fromUtc && r.VisitStartUtc < toUtc
                        && (filter.DepartmentId == null || r.DepartmentId == filter.DepartmentId)
                        && (filter.ClinicianId == null || r.ClinicianId == filter.ClinicianId)
                        && (filter.ServiceId == null || r.ServiceId == filter.ServiceId));
        if (filter.SiteDepartmentIds is { } site)
        {
            invitations = invitations.Where(i => site.Contains(i.DepartmentId));
            responses = responses.Where(r => site.Contains(r.DepartmentId));
        }
        var sent = await invitations
            .GroupBy(i => 1)
            .Select(g => new { Sent = g.LongCount(), Emailed = g.LongCount(i => i.Emailed), Texted = g.LongCount(i => i.Texted) })
            .FirstOrDefaultAsync(cancellationToken);
        var answered = await responses
            .GroupBy(r => r.Channel)
            .Select(g => new { Channel = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        long By(ResponseChannel channel) => answered.Where(a => a.Channel == channel).Sum(a => a.Count);
        return new Counts(sent?.Emailed ?? 0, sent?.Texted ?? 0, sent?.Sent ?? 0,
            By(ResponseChannel.EmailLink), By(ResponseChannel.TextLink), By(ResponseChannel.Portal), By(ResponseChannel.Unknown));
    }

    /// <summary>This period's rates per channel beside the previous period's, each change marked only when unlikely to be chance.</summary>
    public static DashboardTable Table(Counts counts, Counts previous)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(previous);
        object?[] Row(string channel, long invited, long responses, Share rate, Share before) =>
            [channel, invited, responses, DashboardMath.Shown(rate), DashboardMath.IntervalCell(rate),
             DashboardMath.Shown(before), DashboardMath.IntervalCell(before), before.N, DashboardMath.ChangeText(DashboardMath.CompareShares(rate, before))];
        var rows = new List<object?[]>
        {
            Row(Label(ResponseChannel.EmailLink), counts.Emailed, counts.ByEmail, counts.EmailRate, previous.EmailRate),
            Row(Label(ResponseChannel.TextLink), counts.Texted, counts.ByText, counts.TextRate, previous.TextRate),
            Row(Label(ResponseChannel.Portal), counts.Sent, counts.ByPortal, counts.PortalRate, previous.PortalRate),
        };
        if (counts.Unknown > 0)
            rows.Add([Label(ResponseChannel.Unknown), null, counts.Unknown, null, null, null, null, null, null]);
        return new DashboardTable(TableKey, "Response rate by channel",
            [
                new("channel", "Channel", ValueKind.Text),
                new("invited", "Invitations sent (n)", ValueKind.Count),
                new("responses", "Responses", ValueKind.Count),
                new("rate", "Response rate", ValueKind.Percent),
                new("rateci", "Response rate 95% interval", ValueKind.Interval),
                new("previous", "Previous period", ValueKind.Percent),
                new("previousci", "Previous 95% interval", ValueKind.Interval),
                new("previousn", "Previous invitations (n)", ValueKind.Count),
                new("change", "Change", ValueKind.Note),
            ],
            rows);
    }
}
