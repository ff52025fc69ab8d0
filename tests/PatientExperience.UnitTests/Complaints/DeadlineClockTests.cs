using PatientExperience.Core.Complaints;

namespace PatientExperience.UnitTests.Complaints;

public class DeadlineClockTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static ComplaintDeadlines Clock(string pack = PolicyPacks.Standard, params (DateOnly, DateOnly)[] holidays) =>
        new(new WorkingCalendar(NewYork, holidays), PolicyPacks.Find(pack));

    /// <summary>Local wall time in New York as UTC.</summary>
    private static DateTime Local(int y, int m, int d, int h = 10) => TimeZoneInfo.ConvertTimeToUtc(new DateTime(y, m, d, h, 0, 0), NewYork);

    private static DateOnly LastDay(DateTime dueUtc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(dueUtc.AddTicks(-1), NewYork));

    [Fact]
    public void AcknowledgementReceivedOnAFridaySkipsTheWeekend()
    {
        // Friday 2026-11-27 → Mon (1), Tue (2), Wed (3).
        var due = Clock().AcknowledgeDueUtc(Local(2026, 11, 27, 16));
        Assert.Equal(new DateOnly(2026, 12, 2), LastDay(due));
    }

    [Fact]
    public void ReceivedOnASaturdayCountsFromMonday()
    {
        var due = Clock().AcknowledgeDueUtc(Local(2026, 11, 28, 11));
        Assert.Equal(new DateOnly(2026, 12, 2), LastDay(due));
    }

    [Fact]
    public void ClinicHolidaysAreNotWorkingDays()
    {
        // Thanksgiving Thursday and the Friday after are clinic holidays: Wed 2026-11-25 → Mon, Tue, Wed.
        var due = Clock(PolicyPacks.Standard, (new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 27))).AcknowledgeDueUtc(Local(2026, 11, 25));
        Assert.Equal(new DateOnly(2026, 12, 2), LastDay(due));
    }

    [Fact]
    public void DeadlineIsTheEndOfTheClinicDayInItsOwnZone()
    {
        var due = Clock().AcknowledgeDueUtc(Local(2026, 11, 23));
        // Thursday 2026-11-26 ends at local midnight = 05:00 UTC on Friday (EST, UTC-5).
        Assert.Equal(new DateTime(2026, 11, 27, 5, 0, 0, DateTimeKind.Utc), due);
    }

    [Fact]
    public void ResponseClockIsTwentyWorkingDaysByDefault()
    {
        // Monday 2026-11-23 + 20 working days = Monday 2026-12-21.
        var due = Clock().ResponseDueUtc(Local(2026, 11, 23), pausedDays: 0);
        Assert.Equal(new DateOnly(2026, 12, 21), LastDay(due));
    }

    [Fact]
    public void WalesAcknowledgesInTwoAndAnswersInThirtyWorkingDays()
    {
        var wales = Clock(PolicyPacks.NhsWales);
        Assert.Equal(new DateOnly(2026, 11, 25), LastDay(wales.AcknowledgeDueUtc(Local(2026, 11, 23))));
        Assert.Equal(new DateOnly(2027, 1, 4), LastDay(wales.ResponseDueUtc(Local(2026, 11, 23), 0)));
    }

    [Fact]
    public void UsGrievanceCountsCalendarDaysThroughWeekends()
    {
        var us = Clock(PolicyPacks.UsHospitalGrievance);
        Assert.Equal(new DateOnly(2026, 12, 4), LastDay(us.ResponseDueUtc(Local(2026, 11, 27), 0)));
    }

    [Fact]
    public void EnglandUsesTheAgreedDateAndWantsAProgressLetterAfterSixMonths()
    {
        var england = Clock(PolicyPacks.NhsEngland);
        var received = Local(2026, 11, 23);
        Assert.Equal(new DateOnly(2027, 2, 15), LastDay(england.ResponseDueUtc(received, 0, new DateOnly(2027, 2, 15))));
        Assert.Equal(new DateOnly(2027, 5, 23), LastDay(england.ProgressLetterDueUtc(received)!.Value));
        // Scotland has no agreed dates: the agreed date is ignored.
        Assert.Equal(new DateOnly(2026, 12, 21), LastDay(Clock(PolicyPacks.NhsScotland).ResponseDueUtc(received, 0, new DateOnly(2027, 2, 15))));
    }

    [Fact]
    public void APausePushesTheDeadlineBackByTheWorkingDaysItLasted()
    {
        var clock = Clock();
        // Paused Friday 2026-11-27, resumed Wednesday 2026-12-02: Mon, Tue, Wed = 3 working days.
        var paused = clock.PausedDays(Local(2026, 11, 27), Local(2026, 12, 2));
        Assert.Equal(3, paused);
        Assert.Equal(new DateOnly(2026, 12, 24), LastDay(clock.ResponseDueUtc(Local(2026, 11, 23), paused)));
        Assert.Equal(0, clock.PausedDays(Local(2026, 11, 27, 9), Local(2026, 11, 27, 15)));
    }

    [Fact]
    public void DeadlinesAcrossTheAutumnClockChangeEndAtLocalMidnight()
    {
        // DST ends Sunday 2026-11-01 in New York. Received Thu 2026-10-29 (EDT): due Tue 2026-11-03 (EST).
        var due = Clock().AcknowledgeDueUtc(Local(2026, 10, 29));
        Assert.Equal(new DateTime(2026, 11, 4, 5, 0, 0, DateTimeKind.Utc), due);
    }

    [Fact]
    public void DeadlinesAcrossTheSpringClockChangeEndAtLocalMidnight()
    {
        // DST starts Sunday 2027-03-14. Received Fri 2027-03-12 (EST): due Wed 2027-03-17 (EDT, UTC-4).
        var due = Clock().AcknowledgeDueUtc(Local(2027, 3, 12));
        Assert.Equal(new DateTime(2027, 3, 18, 4, 0, 0, DateTimeKind.Utc), due);
    }

    [Fact]
    public void DueSoonStartsTwoWorkingDaysBeforeTheDeadline()
    {
        var clock = Clock();
        var due = clock.ResponseDueUtc(Local(2026, 11, 23), 0); // ends Mon 2026-12-21
        // Two working days before Monday: from the end of Thursday 2026-12-17.
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 12, 18, 0, 0, 0), NewYork), clock.DueSoonFromUtc(due));
    }
}
