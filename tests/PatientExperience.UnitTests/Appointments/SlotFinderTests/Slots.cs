using PatientExperience.Core.Appointments;

namespace PatientExperience.UnitTests.Appointments.SlotFinderTests;

/// <summary>Small builders so each test states only the rule it is about.</summary>
internal static class Slots
{
    public static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Monday 1 June 2026: an ordinary week, no clock changes anywhere near it.</summary>
    public static readonly DateOnly Monday = new(2026, 6, 1);

    /// <summary>Midnight UTC at the start of <see cref="Monday"/>, so every Monday slot is in the future.</summary>
    public static readonly DateTime MondayMidnightUtc = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    public static SlotRules Rules(
        int duration = 30, int before = 0, int after = 0, int noticeMinutes = 0, int horizonDays = 60, int? step = null) =>
        new(duration, before, after, TimeSpan.FromMinutes(noticeMinutes), horizonDays, step ?? duration);

    public static DateTime At(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>An instant on <see cref="Monday"/>, UTC.</summary>
    public static DateTime Mon(int hour, int minute = 0) => At(2026, 6, 1, hour, minute);

    public static WorkingInterval Hours(DayOfWeek day, int startHour, int startMinute, int endHour, int endMinute) =>
        new(day, new TimeOnly(startHour, startMinute), new TimeOnly(endHour, endMinute));

    public static WorkingInterval Hours(DayOfWeek day, int startHour, int endHour) =>
        Hours(day, startHour, 0, endHour, 0);

    public static WorkingInterval[] EveryDay(int startHour, int endHour) =>
        [.. Enum.GetValues<DayOfWeek>().Select(d => Hours(d, startHour, endHour))];

    public static WorkingInterval[] Weekdays(int startHour, int endHour) =>
        [.. Enum.GetValues<DayOfWeek>()
            .Where(d => d is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
            .Select(d => Hours(d, startHour, endHour))];

    public static BusyInterval Busy(DateTime startUtc, DateTime endUtc) => new(startUtc, endUtc);

    public static IReadOnlyList<Slot> Find(
        TimeZoneInfo zone, DateTime nowUtc, DateOnly from, DateOnly to, SlotRules rules,
        WorkingInterval[] hours, DaysOff[]? daysOff = null, BusyInterval[]? busy = null) =>
        SlotFinder.FreeSlots(zone, nowUtc, from, to, rules, hours, daysOff ?? [], busy ?? []);

    /// <summary>Monday only, in UTC, seen from Monday midnight: the plain case most tests need.</summary>
    public static IReadOnlyList<Slot> FindOnMonday(
        SlotRules rules, WorkingInterval[] hours, BusyInterval[]? busy = null) =>
        Find(Utc, MondayMidnightUtc, Monday, Monday, rules, hours, busy: busy);

    public static DateTime[] Starts(IReadOnlyList<Slot> slots) => [.. slots.Select(s => s.StartUtc)];

    public static string[] LocalTimes(IReadOnlyList<Slot> slots) =>
        [.. slots.Select(s => s.LocalStart.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))];
}
