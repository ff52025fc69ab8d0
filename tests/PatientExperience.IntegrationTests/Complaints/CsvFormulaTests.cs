using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Dashboards;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Complaints;

/// <summary>
/// Issue 15: a department, complaint category or clinician whose name starts like a formula must not run as one in a
/// spreadsheet, in any CSV the portal exports: every dashboard table's CSV link and the complaint queue export.
/// </summary>
public class CsvFormulaTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private const string Department = "=HYPERLINK(\"http://evil.test\",\"Cardiology\")";
    private const string Category = "@SUM(A1:A9)";
    private const string Clinician = "+CMD(\"calc\")";

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<Browser> SignedInAsync(string email, CancellationToken ct)
    {
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);
        return browser;
    }

    private static async Task<List<List<string>>> DownloadAsync(Browser browser, string url, CancellationToken ct)
    {
        using var response = await browser.Client.GetAsync(url, ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = DashboardPage.ParseCsv((await response.Content.ReadAsStringAsync(ct)).TrimStart('\uFEFF'));
        foreach (var cell in rows.SelectMany(r => r))
            Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(cell.TrimEnd('%'), CultureInfo.InvariantCulture, out _),
                $"{url}: the cell {cell} would run as a formula");
        return rows;
    }

    [Fact]
    public async Task NamesThatLookLikeFormulasAreExportedAsTextInEveryCsv()
    {
        var ct = TestContext.Current.CancellationToken;
        var departmentId = await factory.WithDbAsync(async db =>
        {
            await db.Departments.Where(d => d.Name == "Cardiology").ExecuteUpdateAsync(s => s.SetProperty(d => d.Name, Department), ct);
            await db.ComplaintCategories.Where(c => c.Name == "Waiting").ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, Category), ct);
            await db.StaffMembers.Where(s => s.Email == "clinician@demo.test").ExecuteUpdateAsync(s => s.SetProperty(m => m.FirstName, Clinician), ct);
            return await db.Departments.Where(d => d.Name == Department).Select(d => d.Id).SingleAsync(ct);
        });
        var categoryId = await factory.WithDbAsync(db => db.ComplaintCategories.Where(c => c.Name == Category).Select(c => c.Id).SingleAsync(ct));
        var clinicianId = await factory.WithDbAsync(db => db.StaffMembers.Where(s => s.Email == "clinician@demo.test").Select(s => s.Id).SingleAsync(ct));

        var desk = await SignedInAsync("frontdesk@demo.test", ct);
        using var saved = await desk.SubmitAsync("/complaints/new", "/complaints/new",
        [
            new("ComplainantName", "Formula Tester"), new("ComplainantPhone", "555 010 4321"), new("Channel", "Phone"),
            new("CategoryId", S(categoryId)), new("Severity", "Medium"), new("WhatHappened", "Checking the exports."),
            new("DepartmentId", S(departmentId)), new("ConcernedStaffMemberId", S(clinicianId)),
        ], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var cells = new List<string>();
        var queue = await DownloadAsync(desk, "/complaints/export?queue=open", ct);
        cells.AddRange(queue.SelectMany(r => r));

        var manager = await SignedInAsync("manager@demo.test", ct);
        var page = await manager.GetPageAsync("/dashboard?period=30", ct);
        var links = page.QuerySelectorAll("a[href^='/dashboard/csv/']").Select(a => a.GetAttribute("href")!).Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
            cells.AddRange((await DownloadAsync(manager, link, ct)).SelectMany(r => r));

        // The names did reach the files, as text: the check above proved something.
        Assert.Contains("'" + Department, cells);
        Assert.Contains("'" + Category, cells);
        Assert.Contains(queue, r => r.Contains("'" + Department) && r.Contains("'" + Category));
    }
}
