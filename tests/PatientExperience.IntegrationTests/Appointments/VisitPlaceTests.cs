using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Appointments;

/// <summary>
/// An admin gives a department its address, directions and what to bring; a patient booking there reads them on the
/// check step, the booked page, the email, and in the calendar file's LOCATION.
/// </summary>
public class VisitPlaceTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    [Fact]
    public async Task AnAdminsAddressDirectionsAndWhatToBringReachTheBookingPagesTheEmailAndTheCalendar()
    {
        var ct = TestContext.Current.CancellationToken;
        var departmentId = await factory.WithDbAsync(db => db.ClinicServices.Where(s => s.Name == "Skin check").Select(s => s.DepartmentId).SingleAsync(ct));
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        var edit = await admin.GetPageAsync($"/admin/departments/{departmentId}/edit", ct);

        // Too long: refused beside the field, what was typed is kept.
        using var tooLong = await admin.SubmitAsync(edit, "/admin/departments/save",
            [new("Address", new string('x', 301)), new("Directions", "Use the side door on Elm Street.")], ct);
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        var refused = await Browser.ReadAsync(tooLong, ct);
        Assert.Contains("Keep the address to 300 characters or fewer.", refused.FieldError("Address"));
        Assert.Equal("Use the side door on Elm Street.", refused.QuerySelector("textarea[name=Directions]")!.TextContent.Trim());

        using var saved = await admin.SubmitAsync(edit, "/admin/departments/save",
            [new("Address", "1 Test Plaza, floor 9\r\nNew York, NY 10001"), new("Directions", "Use the side door on Elm Street."), new("WhatToBring", "Your glasses.")], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync((await factory.CreatePatientsAsync("place", 1, ct))[0], ct);
        var services = await patient.GetPageAsync("/appointments/book", ct);
        var clinicians = await patient.GetPageAsync(services.QuerySelectorAll("a.choice").First(a => a.TextContent.Contains("Skin check", StringComparison.Ordinal)).GetAttribute("href")!, ct);
        var times = await patient.GetPageAsync(clinicians.QuerySelectorAll("a.choice")[0].GetAttribute("href")!, ct);
        var confirm = await patient.GetPageAsync(times.QuerySelectorAll("a.slot")[0].GetAttribute("href")!, ct);
        foreach (var said in new[] { "1 Test Plaza, floor 9", "Use the side door on Elm Street.", "Your glasses." })
            Assert.Contains(said, confirm.MainText());

        using var booked = await patient.SubmitAsync(confirm, confirm.QuerySelector("main form")!.GetAttribute("action")!, [], ct);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var bookedPage = await patient.GetPageAsync(booked.Headers.Location!.OriginalString, ct);
        var place = bookedPage.QuerySelector(".visit-place")!.TextContent;
        foreach (var said in new[] { "New York, NY 10001", "How to find us", "Use the side door on Elm Street.", "What to bring", "Your glasses." })
            Assert.Contains(said, place);

        var mail = (await factory.MessagesToAsync((await factory.WithDbAsync(db => db.Patients.Where(p => p.Email!.StartsWith("place")).Select(p => p.Email!).SingleAsync(ct))), ct))
            .Single(m => m.Subject.StartsWith("Your appointment is booked", StringComparison.Ordinal));
        Assert.Contains("Where: Dermatology, 1 Test Plaza, floor 9, New York, NY 10001", mail.TextBody);
        Assert.Contains("How to find us: Use the side door on Elm Street.", mail.TextBody);
        Assert.Contains("Please bring: Your glasses.", mail.TextBody);

        var id = booked.Headers.Location!.OriginalString.Split('/')[2];
        using var download = await patient.Client.GetAsync($"/appointments/{id}/calendar", ct);
        var ics = (await download.Content.ReadAsStringAsync(ct)).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("LOCATION:Riverside Health Clinic\\, Dermatology\\, 1 Test Plaza\\, floor 9\\, New York\\, NY 10001", ics);
    }
}
