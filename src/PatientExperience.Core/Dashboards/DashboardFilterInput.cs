namespace PatientExperience.Core.Dashboards;

/// <summary>The filter exactly as typed or picked, kept so a page can show it back with messages.</summary>
public sealed class DashboardFilterInput
{
    public const string Last30 = "30";
    public const string Last90 = "90";
    public const string Last365 = "365";
    public const string Custom = "custom";
    public static readonly IReadOnlyList<string> Periods = [Last30, Last90, Last365, Custom];

    public string? Period { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public int? Site { get; set; }
    public int? Department { get; set; }
    public int? Clinician { get; set; }
    public int? Service { get; set; }
    public string? Trend { get; set; }
}
