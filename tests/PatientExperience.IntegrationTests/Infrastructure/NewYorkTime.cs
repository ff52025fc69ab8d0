using System.Globalization;

namespace PatientExperience.IntegrationTests.Infrastructure;

/// <summary>What a reader in the demo clinic (New York, US English) expects to see, written out by hand here so
/// that a test fails when the portal writes times any other way ("13:30", ISO dates, "America/New_York").</summary>
internal static class NewYorkTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");

    public static string Format(DateTime utc, string format) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString(format, Us).Replace('\u202F', ' ');

    /// <summary>"Monday, December 7, 2026, 1:30 PM".</summary>
    public static string When(DateTime utc) => Format(utc, "dddd, MMMM d, yyyy, h:mm tt");

    /// <summary>"1:30 PM".</summary>
    public static string Time(DateTime utc) => Format(utc, "h:mm tt");
}
