using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PatientExperience.Core.Common;

namespace PatientExperience.UnitTests.Common.ClinicClockTests;

internal static class Clocks
{
    public static ClinicClock In(string timeZone, DateTimeOffset? utcNow = null) =>
        new(new FakeTimeProvider(utcNow ?? new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)),
            Options.Create(new ClinicOptions { TimeZone = timeZone }));

    public static DateTime Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
