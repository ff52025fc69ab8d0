using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.Complaints;

public partial class ComplaintJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [GeneratedRegex(@"^CMP-\d{4}-\d{6}$")]
    private static partial Regex Reference();

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task ReceptionistLogsACallersComplaintAndReadsBackTheReference(string screen)
    {
        var caller = await browser.Portal.WithDbAsync(db => db.Patients.OrderBy(p => p.Id).Skip(screen == "phone" ? 3 : 4)
            .Select(p => new { p.FirstName, p.LastName }).FirstAsync(TestContext.Current.CancellationToken));
        await using var receptionist = await browser.OpenAsync(Viewport.Named(screen));
        await receptionist.SignInAsync("frontdesk@demo.test");
        await receptionist.GoToAsync("/complaints/new");
        await receptionist.SeesPageAsync("Log a complaint", "complaint-new");

        await receptionist.Field("Find the patient (name, phone, date of birth or reference)").FillAsync(caller.LastName);
        await receptionist.Button("Search").ClickAsync();
        await receptionist.Link($"{caller.FirstName} {caller.LastName}").First.ClickAsync();
        await Expect(receptionist.Main).ToContainTextAsync($"{caller.FirstName} {caller.LastName}");
        await receptionist.SeesPageAsync("Log a complaint", "complaint-new-patient");

        await receptionist.Field("How did it reach us?").SelectOptionAsync(new SelectOptionValue { Label = "Phone" });
        await receptionist.Field("What is it about?").SelectOptionAsync(new SelectOptionValue { Label = "Waiting" });
        await receptionist.Field("How serious is it?").SelectOptionAsync(new SelectOptionValue { Label = "Medium" });
        await receptionist.Field("What happened").FillAsync("Waited an hour past the appointment time and nobody explained why.");
        await receptionist.Field("What outcome do they want? (optional)").FillAsync("An apology.");
        await receptionist.Button("Save and get the reference").ClickAsync();

        await receptionist.SeesPageAsync("Complaint logged", "complaint-logged");
        var reference = (await receptionist.Page.Locator("#complaint-reference").InnerTextAsync()).Trim();
        Assert.Matches(Reference(), reference);
        await Expect(receptionist.Main).ToContainTextAsync("Read back the reference:");
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task ManagerAcknowledgesAndAnswersAComplaint(string screen)
    {
        await using var manager = await browser.OpenAsync(Viewport.Named(screen));
        await manager.SignInAsync("manager@demo.test");

        // A letter from someone without an account or email: it waits for a manager to acknowledge it.
        await manager.GoToAsync("/complaints/new");
        await manager.SeesPageAsync("Log a complaint", "complaint-new-manager");
        await manager.Field("Complainant's name").FillAsync($"Lee Letter {screen}");
        await manager.Field("Phone").FillAsync("555 010 4455");
        await manager.Field("How did it reach us?").SelectOptionAsync(new SelectOptionValue { Label = "Letter" });
        await manager.Field("What is it about?").SelectOptionAsync(new SelectOptionValue { Label = "Staff attitude" });
        await manager.Field("How serious is it?").SelectOptionAsync(new SelectOptionValue { Label = "Medium" });
        await manager.Field("What happened").FillAsync("The receptionist was short with me when I asked about parking.");
        await manager.Button("Save and get the reference").ClickAsync();
        await manager.SeesPageAsync("Complaint logged", "complaint-logged-letter");
        var reference = (await manager.Page.Locator("#complaint-reference").InnerTextAsync()).Trim();

        await manager.GoToAsync("/complaints?queue=unassigned");
        await manager.SeesPageAsync("Complaints", "complaint-queues");
        await manager.Link(reference).ClickAsync();
        await manager.SeesPageAsync($"Complaint {reference}", "complaint-details-new");
        await manager.Button("Acknowledge").ClickAsync();
        await Expect(manager.StatusMessage).ToContainTextAsync("Acknowledged.");
        await manager.SeesPageAsync($"Complaint {reference}", "complaint-details-acknowledged");

        await manager.Link("Write the response").ClickAsync();
        await manager.SeesPageAsync($"Written response to {reference}", "complaint-respond");
        await manager.Field("What we looked into").FillAsync("The desk rota and what the team remembers.");
        await manager.Field("What will change").FillAsync("Customer-care refresher for the front desk this month.");
        await manager.Button("Send the written response").ClickAsync();
        // One part missing: refused, with the message beside it and nothing typed lost.
        await Expect(manager.Main).ToContainTextAsync("Say what was found.");
        await Expect(manager.Field("What we looked into")).ToHaveValueAsync("The desk rota and what the team remembers.");
        await manager.SeesPageAsync($"Written response to {reference}", "complaint-respond-missing");
        await manager.Field("What we found").FillAsync("You were spoken to sharply. That was wrong, and we apologise.");
        await manager.Button("Send the written response").ClickAsync();

        await Expect(manager.StatusMessage).ToContainTextAsync("Written response sent.");
        await manager.SeesPageAsync($"Complaint {reference}", "complaint-details-resolved");
        await manager.Link("Print the written response").ClickAsync();
        await manager.SeesPageAsync("Our response to your complaint", "complaint-letter-response");
        await Expect(manager.Main).ToContainTextAsync("You were spoken to sharply.");
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task PatientMakesAComplaintAndFollowsIt(string screen)
    {
        await using var patient = await browser.OpenAsync(Viewport.Named(screen));
        await patient.SignInAsync("patient@demo.test");
        await patient.GoToAsync("/my/complaints");
        await patient.SeesPageAsync("My complaints", "my-complaints");
        await patient.Link("Make a complaint").ClickAsync();
        await patient.SeesPageAsync("Make a complaint", "my-complaint-new");
        await patient.Field("What is it about?").SelectOptionAsync(new SelectOptionValue { Label = "Communication" });
        await patient.Field("What happened").FillAsync("Nobody called me back with my test results.");
        await patient.Button("Send my complaint").ClickAsync();
        await Expect(patient.StatusMessage).ToContainTextAsync("Your complaint is logged with reference CMP-");
        await patient.SeesPageAsync(new Regex(@"^Complaint CMP-\d{4}-\d{6}$"), "my-complaint");
        await patient.Field("Send us a message about this complaint").FillAsync("I am free on Thursday afternoons.");
        await patient.Button("Send").ClickAsync();
        await Expect(patient.StatusMessage).ToContainTextAsync("Message sent.");
        await Expect(patient.Main).ToContainTextAsync("I am free on Thursday afternoons.");
    }

    [Fact]
    public async Task AdminOpensTheComplaintSettings()
    {
        await using var admin = await browser.OpenAsync(Viewport.Named("desktop"));
        await admin.SignInAsync("admin@demo.test");
        await admin.GoToAsync("/complaints/settings");
        await admin.SeesPageAsync("Complaint settings", "complaint-settings");
        await admin.Page.GetByLabel("NHS Scotland").CheckAsync();
        await admin.Button("Save").ClickAsync();
        await Expect(admin.StatusMessage).ToContainTextAsync("New deadlines follow NHS Scotland");
        await admin.SeesPageAsync("Complaint settings", "complaint-settings-saved");
    }
}
