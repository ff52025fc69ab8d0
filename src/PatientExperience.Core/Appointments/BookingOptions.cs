namespace PatientExperience.Core.Appointments;

/// <summary>Section "Booking": the clinic's booking policy.</summary>
public sealed class BookingOptions
{
    public const string Section = "Booking";

    public double MinimumNoticeHours { get; set; } = 2;
    public int HorizonDays { get; set; } = 60;
    public double CancelCutoffHours { get; set; } = 24;
    public double ReminderHoursBefore { get; set; } = 24;
    public int SlotStepMinutes { get; set; } = 15;
    /// <summary>How many days of slots one page shows.</summary>
    public int DaysPerPage { get; set; } = 7;
    /// <summary>How long a freed time is held for one waitlisted patient before it passes to the next.</summary>
    public int WaitlistHoldMinutes { get; set; } = 15;
    /// <summary>How long after the start a visit may be marked "did not come": a late patient keeps their time until then.</summary>
    public int NoShowGraceMinutes { get; set; } = 15;
    /// <summary>How long a "did not come" can be undone (they came after all), if the time is still free.</summary>
    public int NoShowUndoMinutes { get; set; } = 30;

    public TimeSpan MinimumNotice => TimeSpan.FromHours(MinimumNoticeHours);
    public TimeSpan CancelCutoff => TimeSpan.FromHours(CancelCutoffHours);
    public TimeSpan ReminderLead => TimeSpan.FromHours(ReminderHoursBefore);
    public TimeSpan WaitlistHold => TimeSpan.FromMinutes(WaitlistHoldMinutes);
    public TimeSpan NoShowGrace => TimeSpan.FromMinutes(NoShowGraceMinutes);
    public TimeSpan NoShowUndo => TimeSpan.FromMinutes(NoShowUndoMinutes);
}
