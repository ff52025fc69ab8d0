using PatientExperience.Core.Appointments;

namespace PatientExperience.Core.Dashboards;

public static class WaitTimes
{
    /// <summary>Minutes waited, as <see cref="Appointment.WaitMinutes"/>: seen − max(arrived, scheduled start), never negative.</summary>
    public static int? Minutes(DateTime startUtc, DateTime? arrivedAtUtc, DateTime? seenAtUtc) =>
        arrivedAtUtc is { } arrived && seenAtUtc is { } seen
            ? (int)Math.Max(0, (seen - (arrived > startUtc ? arrived : startUtc)).TotalMinutes)
            : null;

    /// <summary>The wait bands managers asked for (minutes, lower bound included, upper excluded).</summary>
    public static readonly IReadOnlyList<(string Label, int From, int To)> Bands =
    [
        ("0–10 minutes", 0, 10),
        ("10–20 minutes", 10, 20),
        ("20–40 minutes", 20, 40),
        ("40 minutes or more", 40, Histogram.MaxValue + 1),
    ];
}
