namespace PatientExperience.Core.Appointments;

/// <summary>Section "Flow": check-in from the patient's phone, "running late" notices and the live pages.</summary>
public sealed class FlowOptions
{
    public const string Section = "Flow";

    /// <summary>The link is sent, and works, from this long before the visit until its end.</summary>
    public int CheckInOpensMinutesBefore { get; set; } = 60;

    /// <summary>A patient is told once the expected delay passes this, and again at each further step of this size.</summary>
    public int LateNoticeMinutes { get; set; } = 15;

    /// <summary>How often the live pages' event stream looks at the database for a change.</summary>
    public double LiveCheckSeconds { get; set; } = 2;

    public TimeSpan CheckInOpensBefore => TimeSpan.FromMinutes(CheckInOpensMinutesBefore);
    public TimeSpan LateNoticeStep => TimeSpan.FromMinutes(Math.Max(1, LateNoticeMinutes));
}
