namespace PatientExperience.Core.Appointments;

/// <summary>Section "Flow": check-in from the patient's phone, "running late" notices and the live pages.</summary>
public sealed class FlowOptions
{
    public const string Section = "Flow";

    /// <summary>Whether patients get a check-in link on the day of their visit.</summary>
    public bool CheckInLinksEnabled { get; set; } = true;
    /// <summary>The link is sent, and works, from this long before the visit until its end.</summary>
    public int CheckInOpensMinutesBefore { get; set; } = 60;
    public double CheckInLinkSweepSeconds { get; set; } = 60;

    /// <summary>Whether waiting-to-come patients are told when their clinician runs late.</summary>
    public bool LateNoticesEnabled { get; set; } = true;
    /// <summary>A patient is told once the expected delay passes this, and again at each further step of this size.</summary>
    public int LateNoticeMinutes { get; set; } = 15;
    public double LateNoticeSweepSeconds { get; set; } = 60;

    /// <summary>How often the live pages' event stream looks at the database for a change.</summary>
    public double LiveCheckSeconds { get; set; } = 2;

    public TimeSpan CheckInOpensBefore => TimeSpan.FromMinutes(CheckInOpensMinutesBefore);
    public TimeSpan LateNoticeStep => TimeSpan.FromMinutes(Math.Max(1, LateNoticeMinutes));
}
