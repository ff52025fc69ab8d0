namespace PatientExperience.Core.Complaints;

/// <summary>
/// The two deadline clocks (acknowledgement and written response) of one policy pack over one working
/// calendar. Pure: every instant is passed in, so tests cover weekends, holidays, pauses and DST directly.
/// A deadline is the end of the clinic's day, the day of receipt being day zero.
/// </summary>
public sealed class ComplaintDeadlines(WorkingCalendar calendar, ComplaintPolicyPack pack, int dueSoonWorkingDays = 2)
{
    public WorkingCalendar Calendar => calendar;
    public ComplaintPolicyPack Pack => pack;

    public DateTime AcknowledgeDueUtc(DateTime receivedUtc) =>
        calendar.EndOfDayUtc(Add(calendar.LocalDate(receivedUtc), pack.AcknowledgeDays, pack.AcknowledgeUnit));

    /// <summary>
    /// The written response deadline: an agreed date when the pack works by agreement and one is set, otherwise
    /// the pack's days counted from receipt, pushed back by the days the clock stood paused.
    /// </summary>
    public DateTime ResponseDueUtc(DateTime receivedUtc, int pausedDays, DateOnly? agreedDate = null)
    {
        if (pack.ResponseByAgreement && agreedDate is { } agreed)
            return calendar.EndOfDayUtc(Add(agreed, pausedDays, pack.ResponseUnit));
        return calendar.EndOfDayUtc(Add(calendar.LocalDate(receivedUtc), pack.ResponseDays + pausedDays, pack.ResponseUnit));
    }

    /// <summary>Service recovery: follow up within the acknowledgement clock, pushed back by paused days.</summary>
    public DateTime FollowUpDueUtc(DateTime receivedUtc, int pausedDays) =>
        calendar.EndOfDayUtc(Add(calendar.LocalDate(receivedUtc), pack.AcknowledgeDays + pausedDays, pack.AcknowledgeUnit));

    /// <summary>How many days (in the response clock's unit) a pause from <paramref name="pausedAtUtc"/> to <paramref name="resumedAtUtc"/> adds.</summary>
    public int PausedDays(DateTime pausedAtUtc, DateTime resumedAtUtc)
    {
        var from = calendar.LocalDate(pausedAtUtc);
        var to = calendar.LocalDate(resumedAtUtc);
        if (to <= from)
            return 0;
        return pack.ResponseUnit == DeadlineUnit.CalendarDays ? to.DayNumber - from.DayNumber : calendar.WorkingDaysBetween(from, to);
    }

    /// <summary>From when a deadline counts as "due soon": the start of the working day <c>dueSoonWorkingDays</c> before it.</summary>
    public DateTime DueSoonFromUtc(DateTime dueUtc)
    {
        var lastDay = calendar.LocalDate(dueUtc.AddTicks(-1));
        var from = calendar.AddWorkingDays(lastDay, -dueSoonWorkingDays);
        return calendar.EndOfDayUtc(from);
    }

    /// <summary>When a progress letter becomes due (NHS England: the complaint is still open after six months).</summary>
    public DateTime? ProgressLetterDueUtc(DateTime receivedUtc) =>
        pack.ProgressLetterAfterMonths is { } months ? calendar.EndOfDayUtc(calendar.LocalDate(receivedUtc).AddMonths(months)) : null;

    private DateOnly Add(DateOnly start, int days, DeadlineUnit unit) =>
        unit == DeadlineUnit.CalendarDays ? start.AddDays(days) : calendar.AddWorkingDays(start, days);
}
