using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Appointments;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Complaints;

/// <summary>Its own portal: changing the policy must not move other tests' deadlines.</summary>
public class ComplaintSettingsTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    [Fact]
    public async Task AnAdminPicksAPolicyPackAndNewComplaintsFollowItAndClinicHolidays()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        var page = await admin.GetPageAsync("/complaints/settings", ct);
        Assert.Contains("Not saved yet", page.MainText(), StringComparison.Ordinal);

        using var bad = await admin.SubmitAsync(page, "/complaints/settings", [new("policyPack", "NhsWales"), new("reopenDays", "lots")], ct);
        var again = await Browser.ReadAsync(bad, ct);
        Assert.Equal("Enter a whole number of days from 0 to 365.", again.FieldError("ReopenDays"));
        Assert.Equal("lots", again.InputValue("reopenDays"));

        using var saved = await admin.SubmitAsync(page, "/complaints/settings", [new("policyPack", "NhsWales"), new("reopenDays", "14")], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(("NhsWales", 14), await factory.WithDbAsync(db => db.ComplaintSettings.Select(s => new ValueTuple<string, int>(s.PolicyPack, s.ReopenDays)).SingleAsync(ct)));

        // Tuesday 24 November is a clinic holiday (time off with no staff member).
        await factory.WithDbAsync(async db =>
        {
            db.TimeOff.Add(new TimeOff(null, new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 24), "Clinic closed"));
            return await db.SaveChangesAsync(ct);
        });
        var category = await factory.WithDbAsync(db => db.ComplaintCategories.Where(c => c.Name == "Other").Select(c => c.Id).SingleAsync(ct));
        using var logged = await admin.SubmitAsync("/complaints/new", "/complaints/new",
        [
            new("ComplainantName", "Wyn Jones"), new("ComplainantPhone", "555 010 3131"), new("CategoryId", category.ToString(CultureInfo.InvariantCulture)),
            new("Severity", "Low"), new("WhatHappened", "The phone line was engaged all morning."),
        ], ct);
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        var id = int.Parse(logged.Headers.Location!.OriginalString.Split('/')[2], CultureInfo.InvariantCulture);
        var complaint = await factory.WithDbAsync(db => db.Complaints.AsNoTracking().SingleAsync(c => c.Id == id, ct));
        // Received Monday 23rd; Wales acknowledges in 2 working days; Tuesday is closed: Wednesday, Thursday.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        Assert.Equal(new DateOnly(2026, 11, 26), DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(complaint.AcknowledgeDueAtUtc.AddTicks(-1), zone)));
        var details = await admin.GetPageAsync($"/complaints/{id}", ct);
        Assert.Contains("NHS Wales", details.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminsAddAndRetireCategories()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        var page = await admin.GetPageAsync("/complaints/settings", ct);
        using var duplicate = await admin.SubmitAsync(page, "/complaints/settings/categories", [new("name", "Billing")], ct);
        Assert.Equal("There is already a category with that name.", (await Browser.ReadAsync(duplicate, ct)).FieldError("NewCategory"));
        using var added = await admin.SubmitAsync(page, "/complaints/settings/categories", [new("name", "Interpreting")], ct);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await factory.WithDbAsync(db => db.ComplaintCategories.Where(c => c.Name == "Interpreting").Select(c => c.Id).SingleAsync(ct));
        Assert.Contains("Interpreting", (await admin.GetPageAsync("/complaints/new", ct)).QuerySelector("#CategoryId")!.TextContent, StringComparison.Ordinal);
        using var retired = await admin.SubmitAsync(await admin.GetPageAsync("/complaints/settings", ct), $"/complaints/settings/categories/{id}", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.DoesNotContain("Interpreting", (await admin.GetPageAsync("/complaints/new", ct)).QuerySelector("#CategoryId")!.TextContent, StringComparison.Ordinal);
    }
}
