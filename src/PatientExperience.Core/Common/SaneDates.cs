namespace PatientExperience.Core.Common;

/// <summary>
/// The days a portal date may be: far wider than any birth date, booking, report or audit search, far narrower than the
/// calendar's ends, so a day read from a request can have years added or taken away, or be turned into UTC, without
/// running off the calendar (DateTime.MaxValue plus a day throws). Every date read from a request is checked against it:
/// the model binder for bound dates, and each hand-written parser.
/// </summary>
public static class SaneDates
{
    public static readonly DateOnly Min = new(1800, 1, 1);
    public static readonly DateOnly Max = new(2299, 12, 31);

    public static bool Contains(DateOnly date) => date >= Min && date <= Max;

    public static bool Contains(DateTime dateTime) => Contains(DateOnly.FromDateTime(dateTime));

    public static bool Contains(DateTimeOffset dateTime) => Contains(dateTime.UtcDateTime) && Contains(dateTime.DateTime);
}
