using PatientExperience.Core.Complaints;

namespace PatientExperience.Core.Dashboards;

/// <summary>The counts of one rollup cell while it is being built (from complaints, or from day rows).</summary>
public sealed class ComplaintTally
{
    public int Received { get; private set; }
    public int Acknowledged { get; private set; }
    public int AcknowledgedOnTime { get; private set; }
    public int Answered { get; private set; }
    public int AnsweredOnTime { get; private set; }
    public int Resolved { get; private set; }
    public int Open { get; private set; }
    public Histogram Statuses { get; } = new();
    public Histogram DaysToResolve { get; } = new();
    public Histogram Severities { get; } = new();

    /// <summary>One complaint, with the same formulas the complaints section uses.</summary>
    public void Add(ComplaintFacts c)
    {
        ArgumentNullException.ThrowIfNull(c);
        Received++;
        Severities.Add((int)c.Severity);
        if (c.AcknowledgedAtUtc is { } acknowledged)
        {
            Acknowledged++;
            if (acknowledged <= c.AcknowledgeDueAtUtc)
                AcknowledgedOnTime++;
        }
        if ((c.ResponseSentAtUtc ?? c.ResolvedAtUtc) is { } answered)
        {
            Answered++;
            if (answered <= c.ResponseDueAtUtc)
                AnsweredOnTime++;
        }
        if (c.ResolvedAtUtc is { } resolved)
        {
            Resolved++;
            DaysToResolve.Add(Math.Clamp((int)(resolved.Date - c.ReceivedAtUtc.Date).TotalDays, 0, Histogram.MaxValue));
        }
        if (IsOpen(c.Status, c.ResolvedAtUtc))
            Open++;
        Statuses.Add((int)c.Status);
    }

    /// <summary>Open: not resolved, and not in a resolved or closed status (what "Open now" counts).</summary>
    public static bool IsOpen(ComplaintStatus status, DateTime? resolvedAtUtc) =>
        resolvedAtUtc is null && status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed);

    /// <summary>A stored row (a day into its week or month).</summary>
    public void Add(ComplaintRollup row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Received += row.Received;
        Acknowledged += row.Acknowledged;
        AcknowledgedOnTime += row.AcknowledgedOnTime;
        Answered += row.Answered;
        AnsweredOnTime += row.AnsweredOnTime;
        Resolved += row.Resolved;
        Open += row.Open;
        Statuses.AddBytes(row.Statuses);
        DaysToResolve.AddBytes(row.DaysToResolve);
        Severities.AddBytes(row.Severities);
    }
}
