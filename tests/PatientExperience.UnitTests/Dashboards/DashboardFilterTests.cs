using PatientExperience.Core.Common;
using PatientExperience.Core.Dashboards;

namespace PatientExperience.UnitTests.Dashboards;

public class DashboardFilterTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Result<DashboardFilter> Parse(string? period, string? from = null, string? to = null, string? trend = null) =>
        DashboardFilters.Parse(new DashboardFilterInput { Period = period, From = from, To = to, Trend = trend, Department = 3 }, Today);

    [Theory]
    [InlineData(null, "2026-10-25", 30)]
    [InlineData("30", "2026-10-25", 30)]
    [InlineData("90", "2026-08-26", 90)]
    [InlineData("365", "2025-11-24", 365)]
    public void LastNDaysEndToday(string? period, string from, int days)
    {
        var filter = Parse(period).Value!;
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), filter.From);
        Assert.Equal(Today, filter.To);
        Assert.Equal(days, filter.Days);
        Assert.Equal(3, filter.DepartmentId);
    }

    [Fact]
    public void ThePreviousPeriodHasTheSameLengthAndEndsTheDayBefore()
    {
        var filter = Parse("custom", "2026-11-01", "2026-11-10").Value!;
        var previous = filter.Previous;
        Assert.Equal(new DateOnly(2026, 10, 22), previous.From);
        Assert.Equal(new DateOnly(2026, 10, 31), previous.To);
        Assert.Equal(10, previous.Days);
        Assert.Equal(filter.DepartmentId, previous.DepartmentId);
    }

    [Fact]
    public void ACustomPeriodOfOneDayIsAllowed()
    {
        var filter = Parse("custom", "2026-11-23", "2026-11-23").Value!;
        Assert.Equal(1, filter.Days);
        Assert.Equal(new DateOnly(2026, 11, 22), filter.Previous.From);
    }

    [Theory]
    [InlineData(null, "2026-11-10", "From", "Enter the first day.")]
    [InlineData("2026-11-01", "", "To", "Enter the last day.")]
    [InlineData("1/11/2026", "2026-11-10", "From", "Enter the date as year-month-day, for example 2026-11-01.")]
    [InlineData("2026-11-10", "2026-11-01", "From", "The first day must be on or before the last day.")]
    [InlineData("2026-11-01", "2026-11-24", "To", "The last day can't be after today.")]
    [InlineData("2020-01-01", "2026-11-01", "From", "Choose a period of at most three years.")]
    public void BadCustomPeriodsSayWhatToFix(string? from, string? to, string field, string message)
    {
        var result = Parse("custom", from, to);
        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.Field == field && e.Message == message);
    }

    [Fact]
    public void AnUnknownPeriodOrTrendIsRefused()
    {
        Assert.Contains(Parse("7").Errors, e => e.Field == "Period");
        Assert.Contains(Parse("30", trend: "daily").Errors, e => e.Field == "Trend");
    }

    [Fact]
    public void TrendsDefaultToWeeksForShortPeriodsAndMonthsForLongOnes()
    {
        Assert.Equal(TrendGrain.Week, Parse("90").Value!.Grain);
        Assert.Equal(TrendGrain.Month, Parse("365").Value!.Grain);
        Assert.Equal(TrendGrain.Week, Parse("365", trend: "week").Value!.Grain);
        Assert.Equal(TrendGrain.Month, Parse("30", trend: "Month").Value!.Grain);
    }

    [Fact]
    public void WeeksStartOnMondayAndMonthsOnTheFirst()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), ClinicDays.BucketStart(new DateOnly(2026, 11, 23), TrendGrain.Week)); // Monday
        Assert.Equal(new DateOnly(2026, 11, 23), ClinicDays.BucketStart(new DateOnly(2026, 11, 29), TrendGrain.Week)); // Sunday
        Assert.Equal(new DateOnly(2026, 11, 1), ClinicDays.BucketStart(new DateOnly(2026, 11, 29), TrendGrain.Month));
        Assert.Equal(
            [new DateOnly(2026, 10, 26), new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9)],
            ClinicDays.Buckets(new DateOnly(2026, 10, 28), new DateOnly(2026, 11, 9), TrendGrain.Week));
        Assert.Equal(
            [new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1)],
            ClinicDays.Buckets(new DateOnly(2025, 12, 31), new DateOnly(2026, 2, 1), TrendGrain.Month));
        Assert.Equal("2026-11", ClinicDays.BucketLabel(new DateOnly(2026, 11, 1), TrendGrain.Month));
        Assert.Equal("2026-11-23", ClinicDays.BucketLabel(new DateOnly(2026, 11, 23), TrendGrain.Week));
    }

    [Fact]
    public void ClinicDaysFollowTheClinicTimeZone()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        // 03:30 UTC on 23 Nov is still 22 Nov in New York (UTC−5).
        Assert.Equal(new DateOnly(2026, 11, 22), ClinicDays.Of(new DateTime(2026, 11, 23, 3, 30, 0, DateTimeKind.Utc), newYork));
        Assert.Equal(new DateTime(2026, 11, 23, 5, 0, 0, DateTimeKind.Utc), ClinicDays.StartUtc(new DateOnly(2026, 11, 23), newYork));
        // Summer time: midnight is 04:00 UTC.
        Assert.Equal(new DateTime(2026, 7, 1, 4, 0, 0, DateTimeKind.Utc), ClinicDays.StartUtc(new DateOnly(2026, 7, 1), newYork));
        var filter = new DashboardFilter(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1), null, null, null, TrendGrain.Week);
        // 1 Nov 2026 is the day summer time ends: 25 hours long.
        Assert.Equal(TimeSpan.FromHours(25), filter.ToUtcExclusive(newYork) - filter.FromUtc(newYork));
    }

    [Fact]
    public void TablesSortByAnyColumnWithEmptyValuesLast()
    {
        var table = new DashboardTable("t", "T", [new("name", "Name", ValueKind.Text), new("wait", "Wait", ValueKind.Minutes)],
            [["b", 5], ["a", null], ["c", 2]]);
        Assert.Equal(["c", "b", "a"], table.SortedBy("wait", descending: false).Rows.Select(r => (string)r[0]!));
        Assert.Equal(["b", "c", "a"], table.SortedBy("wait", descending: true).Rows.Select(r => (string)r[0]!));
        Assert.Equal(["c", "b", "a"], table.SortedBy("name", descending: true).Rows.Select(r => (string)r[0]!));
        Assert.Same(table, table.SortedBy("nope", false));
    }
}
