using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Dashboards;

/// <summary>
/// Every filter of the operations section against a brute-force count over the same generated appointments: the page's
/// numbers (from the rollups) must equal what sorting and counting the raw rows gives.
/// </summary>
public class DashboardFilterTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly DateOnly Today = new(2026, 11, 23);

    private sealed record Expect(long Completed, long NoShows, int? Median, int? P90)
    {
        public long N => Completed + NoShows;
        public string Rate => DashboardPage.Percent(NoShows, N);
        public string Interval => DashboardPage.Wilson(NoShows, N);
        public string PreviousText => N < DashboardPage.MinimumN ? $"Previous period: –, n = {N.ToString("N0", En)}" : $"Previous period: {Rate} ({Interval}), n = {N.ToString("N0", En)}";
        public List<string> Cells => [Completed.ToString("N0", En), NoShows.ToString("N0", En), Rate, Interval, Text(Median), Text(P90)];
    }

    private static string Text(int? minutes) => minutes?.ToString("N0", En) ?? "–";

    /// <summary>Nearest rank, written out: sort, take the ⌈p·n⌉-th.</summary>
    private static int? Percentile(List<int> waits, double p)
    {
        if (waits.Count == 0)
            return null;
        var sorted = waits.Order().ToList();
        return sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
    }

    private static Expect Count(IEnumerable<DashboardFactory.Visit> visits)
    {
        var list = visits.ToList();
        var waits = list.Where(v => v.WaitMinutes is not null).Select(v => v.WaitMinutes!.Value).ToList();
        return new Expect(list.Count(v => v.Status == AppointmentStatus.Completed), list.Count(v => v.Status == AppointmentStatus.NoShow),
            Percentile(waits, 0.5), Percentile(waits, 0.9));
    }

    public static TheoryData<string> Filters => new()
    {
        "period=30",
        "period=90&trend=month",
        "period=365",
        "period=365&trend=week",
        "period=custom&from=2026-03-05&to=2026-06-17",
        "period=custom&from=2025-10-31&to=2025-11-02&trend=week",
        "period=365&department={dept}",
        "period=90&clinician={clinician}",
        "period=365&service={service}",
        "period=custom&from=2026-01-01&to=2026-04-30&trend=month&department={dept}&clinician={clinician}",
        "period=90&department={dept}&service={service}&trend=week",
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task EveryNumberEqualsABruteForceCountOfTheAppointments(string template)
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.EnsureDataAsync(ct);
        var visits = await factory.VisitsAsync(ct);
        var (names, clinicians, services) = await factory.WithDbAsync(async db => (
            await db.Departments.ToDictionaryAsync(d => d.Id, d => d.Name, ct),
            await db.StaffMembers.Where(s => s.IsClinician).ToDictionaryAsync(s => s.Id, s => s.FirstName + " " + s.LastName, ct),
            await db.ClinicServices.ToDictionaryAsync(s => s.Id, s => s.DepartmentId, ct)));
        // The busiest clinician, their department and one of its services: filters that select real data.
        var clinician = visits.GroupBy(v => v.ClinicianId).OrderByDescending(g => g.Count()).First().Key;
        var dept = visits.First(v => v.ClinicianId == clinician).DepartmentId;
        var service = visits.Where(v => v.DepartmentId == dept).GroupBy(v => v.ServiceId).OrderByDescending(g => g.Count()).First().Key;
        var query = template.Replace("{dept}", dept.ToString(En), StringComparison.Ordinal)
            .Replace("{clinician}", clinician.ToString(En), StringComparison.Ordinal).Replace("{service}", service.ToString(En), StringComparison.Ordinal);
        var q = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + query);

        DateOnly from, to;
        if (q["period"] == "custom")
        {
            from = DateOnly.Parse(q["from"]!, En);
            to = DateOnly.Parse(q["to"]!, En);
        }
        else
        {
            to = Today;
            from = Today.AddDays(1 - int.Parse(q["period"]!, En));
        }
        var days = to.DayNumber - from.DayNumber + 1;
        var monthly = q.TryGetValue("trend", out var trend) ? trend == "month" : days > 92;
        bool Matches(DashboardFactory.Visit v) =>
            (!q.ContainsKey("department") || v.DepartmentId == int.Parse(q["department"]!, En))
            && (!q.ContainsKey("clinician") || v.ClinicianId == int.Parse(q["clinician"]!, En))
            && (!q.ContainsKey("service") || v.ServiceId == int.Parse(q["service"]!, En));
        var inPeriod = visits.Where(v => v.Day >= from && v.Day <= to && Matches(v)).ToList();
        var previous = visits.Where(v => v.Day >= from.AddDays(-days) && v.Day < from && Matches(v)).ToList();
        Assert.NotEmpty(inPeriod);

        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("manager@demo.test", ct);
        var page = await browser.GetPageAsync("/dashboard?" + query, ct);

        // Headline numbers, this period and the previous one.
        var all = Count(inPeriod);
        var before = Count(previous);
        var metrics = DashboardPage.Metrics(page, "operations");
        Assert.Equal(Text(all.Median), metrics["Median wait (minutes)"].Value);
        Assert.Equal(Text(all.P90), metrics["90th percentile wait (minutes)"].Value);
        Assert.Equal(all.Rate, metrics["No-show rate"].Value);
        Assert.Equal(all.Completed.ToString("N0", En), metrics["Visits completed"].Value);
        Assert.Equal($"n = {(all.Completed + all.NoShows).ToString("N0", En)}", metrics["No-show rate"].N);
        Assert.Equal(all.N < DashboardPage.MinimumN ? null : $"95% interval {all.Interval}", metrics["No-show rate"].Interval);
        Assert.StartsWith($"Previous period: {Text(before.Median)}, n = {before.Completed.ToString("N0", En)}", metrics["Median wait (minutes)"].Previous, StringComparison.Ordinal);
        Assert.StartsWith(before.PreviousText, metrics["No-show rate"].Previous, StringComparison.Ordinal);

        // By department (each against the other departments together) and by clinician.
        var expectedDepartments = inPeriod.GroupBy(v => v.DepartmentId).OrderBy(g => names[g.Key], StringComparer.Create(En, true))
            .Select(g => (List<string>)[names[g.Key], .. Count(g).Cells,
                DashboardPage.Versus(Count(g).NoShows, Count(g).N, all.NoShows - Count(g).NoShows, all.N - Count(g).N)]).ToList();
        Assert.Equal(expectedDepartments, DashboardPage.Table(page, "operations-by-department").Rows);
        var expectedClinicians = inPeriod.GroupBy(v => (v.ClinicianId, v.DepartmentId))
            .OrderBy(g => clinicians[g.Key.ClinicianId], StringComparer.Create(En, true)).ThenBy(g => names[g.Key.DepartmentId], StringComparer.Create(En, true))
            .Select(g => (List<string>)[clinicians[g.Key.ClinicianId], names[g.Key.DepartmentId], .. Count(g).Cells]).ToList();
        Assert.Equal(expectedClinicians, DashboardPage.Table(page, "operations-by-clinician").Rows);

        // The trend: every week (Monday) or month that overlaps the period, empty ones included.
        DateOnly Bucket(DateOnly d) => monthly ? new DateOnly(d.Year, d.Month, 1) : d.AddDays(-(((int)d.DayOfWeek + 6) % 7));
        var buckets = new List<DateOnly>();
        for (var b = Bucket(from); b <= to; b = monthly ? b.AddMonths(1) : b.AddDays(7))
            buckets.Add(b);
        var expectedTrend = buckets.Select(b => (List<string>)[b.ToString(monthly ? "yyyy-MM" : "yyyy-MM-dd", En), .. Count(inPeriod.Where(v => Bucket(v.Day) == b)).Cells]).ToList();
        Assert.Equal(expectedTrend, DashboardPage.Table(page, "operations-trend").Rows);

        // Wait bands.
        var waits = inPeriod.Where(v => v.WaitMinutes is not null).Select(v => v.WaitMinutes!.Value).ToList();
        string Band(int lo, int hi) => waits.Count(w => w >= lo && w < hi).ToString("N0", En);
        var bands = DashboardPage.Table(page, "operations-wait-bands").Rows;
        Assert.Equal([Band(0, 10), Band(10, 20), Band(20, 40), Band(40, int.MaxValue)], bands.Select(r => r[1]));
        long InBand(int lo, int hi) => waits.Count(w => w >= lo && w < hi);
        Assert.Equal([DashboardPage.Wilson(InBand(0, 10), waits.Count), DashboardPage.Wilson(InBand(40, int.MaxValue), waits.Count)], [bands[0][3], bands[3][3]]);
    }
}
