namespace PatientExperience.Core.Sites;

/// <summary>IANA time zone ids the server knows.</summary>
public static class SiteZones
{
    public static bool IsKnown(string zoneId) =>
        zoneId.Trim().Length <= SchemaLimits.TimeZoneLength
        && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId.Trim(), out var zone) && zone.HasIanaId;
}
