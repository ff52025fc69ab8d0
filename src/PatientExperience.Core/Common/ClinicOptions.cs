namespace PatientExperience.Core.Common;

/// <summary>The clinic's own settings (section "Clinic").</summary>
public sealed class ClinicOptions
{
    public const string Section = "Clinic";

    public string Name { get; set; } = "Riverside Health Clinic";
    public string Phone { get; set; } = "+1 555 010 0100";
    /// <summary>The clinic's postal address (lines separated by "\n"), on letterheads and emails; empty when not set.</summary>
    public string Address { get; set; } = string.Empty;
    /// <summary>IANA time zone id: every time a person reads is shown in this zone.</summary>
    public string TimeZone { get; set; } = "America/New_York";
    /// <summary>ISO 3166 country code: dates and times are written the way people write them there, in the reader's
    /// language (US: "December 7, 2026, 1:30 PM"; GB: "7 December 2026, 13:30"). See <see cref="TimeText"/>.</summary>
    public string Region { get; set; } = "US";
    /// <summary>Used to build links in emails when there is no request (background work).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5238";
}

