using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Auditing;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;
using Task = System.Threading.Tasks.Task;

namespace PatientExperience.IntegrationTests.Fhir;

/// <summary>
/// Booking and cancelling through FHIR (POST, PATCH, PUT /fhir/Appointment) as an EHR does, while the patient's own pages
/// see the same visit: the same booking service, the same 409 for a taken time, the same emails, audited by client.
/// The clinic's clock is Monday 23 November 2026, 08:00 in New York.
/// </summary>
public class FhirWriteTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A patient who can sign in, their id, and a free Slot on Wednesday (past the 24-hour cut-off) found through FHIR.</summary>
    private async Task<(string Email, int PatientId, Slot Slot, HttpClient Client, string Token)> SetUpAsync(string prefix, int slotIndex = 0)
    {
        var email = (await factory.CreatePatientsAsync(prefix, 1, Ct))[0];
        var patientId = await factory.WithDbAsync(db => db.Patients.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(Ct));
        var client = factory.CreateBrowser();
        var token = await FhirApi.TokenAsync(client, Ct);
        var clinician = await factory.WithDbAsync(db => db.StaffMembers.Where(s => s.IsClinician && s.IsActive).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(Ct));
        var slots = (await FhirApi.GetAsync(client, $"/fhir/Slot?schedule=Schedule/{clinician}&start=ge2026-11-25&start=lt2026-11-26&_count=200", token, Ct)).As<Bundle>();
        return (email, patientId, slots.Entries<Slot>()[slotIndex], client, token);
    }

    /// <summary>The Appointment an EHR proposes for a free Slot: the patient, the Slot's clinician and service, its start and end.</summary>
    private static string Proposal(int patientId, Slot slot, string status = "booked") =>
        $$"""
        {"resourceType":"Appointment","status":"{{status}}",
         "serviceType":[{"coding":[{"system":"{{slot.ServiceType[0].Coding[0].System}}","code":"{{slot.ServiceType[0].Coding[0].Code}}"}]}],
         "start":"{{At(slot.Start)}}","end":"{{At(slot.End)}}",
         "participant":[{"actor":{"reference":"Patient/{{patientId}}"},"status":"accepted"},
                        {"actor":{"reference":"{{slot.Schedule.Reference!.Replace("Schedule/", "Practitioner/", StringComparison.Ordinal)}}"},"status":"accepted"}]}
        """;

    private static async Task<FhirAnswer> SendAsync(HttpClient client, HttpMethod method, string url, string? token, string body, string mediaType = "application/fhir+json", string? ifNoneExist = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ifNoneExist is not null)
            request.Headers.Add("If-None-Exist", ifNoneExist);
        return await FhirApi.ReadAsync(await client.SendAsync(request, Ct), Ct);
    }

    private async Task<int> AuditedAsync(AuditAction action, string appointmentId)
    {
        var demo = await factory.WithDbAsync(db => db.ApiClients.Where(c => c.ClientId == FhirApi.DemoClient).Select(c => c.Id).SingleAsync(Ct));
        return await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.ApiClientId == demo && a.Action == action && a.EntityType == "Appointment" && a.EntityId == appointmentId, Ct));
    }

    [Fact]
    public async Task BookedAndCancelledThroughFhirThePatientsPagesShowTheSameVisitAndTheEmails()
    {
        var (email, patientId, slot, client, token) = await SetUpAsync("fhirbook");
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync(email, Ct);
        Assert.Contains("You have no appointments booked.", (await patient.GetPageAsync("/appointments", Ct)).MainText());

        var created = await SendAsync(client, HttpMethod.Post, "/fhir/Appointment", token, Proposal(patientId, slot));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var appointment = created.As<Appointment>();
        Assert.Equal(Appointment.AppointmentStatus.Booked, appointment.Status);
        Assert.Equal(slot.Start, appointment.Start);
        Assert.EndsWith($"/fhir/Appointment/{appointment.Id}", created.Response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(appointment.Start, (await FhirApi.GetAsync(client, $"/fhir/Appointment/{appointment.Id}", token, Ct)).As<Appointment>().Start);
        // The patient's own page lists it, and the booking email went out as from the pages.
        var upcoming = (await patient.GetPageAsync("/appointments", Ct)).QuerySelector("#upcoming-h")!.ParentElement!;
        Assert.NotNull(upcoming.QuerySelector($"a[href='/appointments/{appointment.Id}']"));
        var booked = Assert.Single(await factory.MessagesToAsync(email, Ct));
        Assert.Contains("METHOD:REQUEST", Encoding.UTF8.GetString(booked.AttachmentContent!), StringComparison.Ordinal);
        Assert.Equal(1, await AuditedAsync(AuditAction.Create, appointment.Id!));
        // The Slot is no longer free.
        Assert.Equal(HttpStatusCode.NotFound, (await FhirApi.GetAsync(client, $"/fhir/Slot/{slot.Id}", token, Ct)).Status);

        var cancelled = await SendAsync(client, HttpMethod.Patch, $"/fhir/Appointment/{appointment.Id}", token,
            """[{"op":"replace","path":"/status","value":"cancelled"},{"op":"add","path":"/cancelationReason","value":{"text":"Rebooked elsewhere"}}]""",
            "application/json-patch+json");

        Assert.Equal(HttpStatusCode.OK, cancelled.Status);
        Assert.Equal(Appointment.AppointmentStatus.Cancelled, cancelled.As<Appointment>().Status);
        Assert.Equal("Rebooked elsewhere", cancelled.As<Appointment>().CancelationReason?.Text);
        var page = await patient.GetPageAsync("/appointments", Ct);
        Assert.Null(page.QuerySelector("#upcoming-h")!.ParentElement!.QuerySelector($"a[href='/appointments/{appointment.Id}']"));
        Assert.Contains("You have no appointments booked.", page.MainText());
        var mails = await factory.MessagesToAsync(email, Ct);
        Assert.Equal(2, mails.Count);
        Assert.Contains("METHOD:CANCEL", Encoding.UTF8.GetString(mails[^1].AttachmentContent!), StringComparison.Ordinal);
        Assert.Equal(1, await AuditedAsync(AuditAction.Update, appointment.Id!));
        // The time is free again, and cancelling twice changes nothing more.
        Assert.Equal(HttpStatusCode.OK, (await FhirApi.GetAsync(client, $"/fhir/Slot/{slot.Id}", token, Ct)).Status);
        var again = await SendAsync(client, HttpMethod.Patch, $"/fhir/Appointment/{appointment.Id}", token, """[{"op":"replace","path":"/status","value":"cancelled"}]""", "application/json-patch+json");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(2, (await factory.MessagesToAsync(email, Ct)).Count);
    }

    [Fact]
    public async Task PutWithStatusCancelledCancelsButNotInsideTheCutOff()
    {
        var (email, patientId, slot, client, token) = await SetUpAsync("fhirput");
        var appointment = (await SendAsync(client, HttpMethod.Post, "/fhir/Appointment", token, Proposal(patientId, slot))).As<Appointment>();
        appointment.Status = Appointment.AppointmentStatus.Cancelled;
        appointment.CancelationReason = new CodeableConcept { Text = "Patient called the EHR" };

        var cancelled = await SendAsync(client, HttpMethod.Put, $"/fhir/Appointment/{appointment.Id}", token, FhirJsonText(appointment));

        Assert.Equal(HttpStatusCode.OK, cancelled.Status);
        Assert.Equal("Patient called the EHR", await factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == int.Parse(appointment.Id!, CultureInfo.InvariantCulture)).Select(a => a.CancellationReason).SingleAsync(Ct)));
        Assert.Equal(2, (await factory.MessagesToAsync(email, Ct)).Count);

        // Today's visits are inside the 24-hour cut-off: only the front desk makes that exception.
        var clinician = await factory.WithDbAsync(db => db.StaffMembers.Where(s => s.IsClinician && s.IsActive).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(Ct));
        var today = (await FhirApi.GetAsync(client, $"/fhir/Slot?schedule=Schedule/{clinician}&start=ge2026-11-23&start=lt2026-11-24", token, Ct)).As<Bundle>().Entries<Slot>()[^1];
        var soon = (await SendAsync(client, HttpMethod.Post, "/fhir/Appointment", token, Proposal(patientId, today))).As<Appointment>();
        soon.Status = Appointment.AppointmentStatus.Cancelled;
        var refused = await SendAsync(client, HttpMethod.Put, $"/fhir/Appointment/{soon.Id}", token, FhirJsonText(soon));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("cut-off", refused.Diagnostics, StringComparison.Ordinal);
        Assert.Equal(PatientExperience.Core.Appointments.AppointmentStatus.Booked,
            await factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == int.Parse(soon.Id!, CultureInfo.InvariantCulture)).Select(a => a.Status).SingleAsync(Ct)));
    }

    [Fact]
    public async Task ATakenTimeIs409AndTwoPostsAtOnceBookItOnce()
    {
        var (_, firstPatient, slot, client, token) = await SetUpAsync("fhirrace", slotIndex: 2);
        var secondEmail = (await factory.CreatePatientsAsync("fhirrace-b", 1, Ct))[0];
        var secondPatient = await factory.WithDbAsync(db => db.Patients.Where(p => p.Email == secondEmail).Select(p => p.Id).SingleAsync(Ct));

        var answers = await Task.WhenAll(
            SendAsync(factory.CreateBrowser(), HttpMethod.Post, "/fhir/Appointment", token, Proposal(firstPatient, slot)),
            SendAsync(factory.CreateBrowser(), HttpMethod.Post, "/fhir/Appointment", token, Proposal(secondPatient, slot)));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.Status).Order().ToArray());
        Assert.Contains("not free", answers.Single(a => a.Status == HttpStatusCode.Conflict).Diagnostics, StringComparison.Ordinal);
        var start = slot.Start!.Value.UtcDateTime;
        Assert.Equal(1, await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.StartUtc == start && (a.PatientId == firstPatient || a.PatientId == secondPatient), Ct)));

        // The same POST again does not book twice; with If-None-Exist it answers the visit already made.
        var winner = answers.Single(a => a.Status == HttpStatusCode.Created).As<Appointment>();
        var winnerPatient = winner.Participant.First().Actor!.Reference!;
        var repeat = await SendAsync(client, HttpMethod.Post, "/fhir/Appointment", token, Proposal(int.Parse(winnerPatient[8..], CultureInfo.InvariantCulture), slot));
        Assert.Equal(HttpStatusCode.Conflict, repeat.Status);
        var conditional = await SendAsync(client, HttpMethod.Post, "/fhir/Appointment", token, Proposal(int.Parse(winnerPatient[8..], CultureInfo.InvariantCulture), slot),
            ifNoneExist: $"patient={winnerPatient}&date={Uri.EscapeDataString(At(slot.Start))}&status=booked");
        Assert.Equal(HttpStatusCode.OK, conditional.Status);
        Assert.Equal(winner.Id, conditional.As<Appointment>().Id);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.PatientId == firstPatient || a.PatientId == secondPatient, Ct)));
    }

    [Fact]
    public async Task WithoutTheWriteScopeNothingIsBookedOrCancelled()
    {
        var (_, patientId, slot, client, _) = await SetUpAsync("fhirscope", slotIndex: 4);
        var readOnly = await FhirApi.TokenAsync(client, Ct, scope: "system/Appointment.read system/Slot.read");

        var post = await SendAsync(client, HttpMethod.Post, "/fhir/Appointment", readOnly, Proposal(patientId, slot));
        var patch = await SendAsync(client, HttpMethod.Patch, "/fhir/Appointment/1", readOnly, """[{"op":"replace","path":"/status","value":"cancelled"}]""");
        var none = await SendAsync(client, HttpMethod.Post, "/fhir/Appointment", null, Proposal(patientId, slot));

        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        Assert.Contains("system/Appointment.write", post.Diagnostics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, patch.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, none.Status);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.PatientId == patientId, Ct)));
    }

    [Fact]
    public async Task BadWritesAreRefusedWithAnOperationOutcomeNeverA5xx()
    {
        var (_, patientId, slot, client, token) = await SetUpAsync("fhirbad", slotIndex: 6);
        var good = Proposal(patientId, slot);
        (string Method, string Url, string Body, int Status, string Message)[] cases =
        [
            ("POST", "/fhir/Appointment", "{not json", 400, "not a valid FHIR R4 JSON resource"),
            ("POST", "/fhir/Appointment", "", 400, "Send the resource"),
            ("POST", "/fhir/Appointment", """{"resourceType":"Patient","active":true}""", 400, "takes an Appointment, not a Patient"),
            ("POST", "/fhir/Appointment", """{"resourceType":"Appointment","status":"booked","participant":[{"status":"accepted"}]}""", 422, "Name one patient"),
            ("POST", "/fhir/Appointment", good.Replace("\"serviceType\"", "\"reasonCode\"", StringComparison.Ordinal).Replace("/service", "/x", StringComparison.Ordinal), 422, "Say which service"),
            ("POST", "/fhir/Appointment", good.Replace(At(slot.End), At(slot.Start), StringComparison.Ordinal), 422, "The end must be"),
            ("POST", "/fhir/Appointment", good.Replace(At(slot.Start), "9999-12-31T09:00:00Z", StringComparison.Ordinal), 422, "not a date this clinic could book"),
            ("POST", "/fhir/Appointment", good.Replace("\"booked\"", "\"fulfilled\"", StringComparison.Ordinal), 422, "proposed, pending or booked"),
            ("POST", "/fhir/Appointment", good.Replace($"Patient/{patientId}", "Patient/999999", StringComparison.Ordinal), 422, "is not known"),
            ("POST", "/fhir/Appointment", good.Replace(At(slot.Start), "2026-11-25T03:00:00-05:00", StringComparison.Ordinal).Replace(At(slot.End), "", StringComparison.Ordinal).Replace(",\"end\":\"\"", "", StringComparison.Ordinal), 409, "not free"),
            ("POST", "/fhir/Appointment", "{\"resourceType\":\"Appointment\",\"comment\":\"" + new string('x', 70_000) + "\"}", 413, "larger than"),
            ("PATCH", "/fhir/Appointment/1", "{\"op\":\"replace\"}", 400, "JSON Patch"),
            ("PATCH", "/fhir/Appointment/1", "[{\"op\":\"remove\",\"path\":\"/status\",\"value\":1}]", 422, "Only cancelling"),
            ("PATCH", "/fhir/Appointment/1", "[{\"op\":\"replace\",\"path\":\"/start\",\"value\":\"2026-11-25\"}]", 422, "Only cancelling"),
            ("PATCH", "/fhir/Appointment/1", "[[", 400, "not JSON"),
            ("PATCH", "/fhir/Appointment/999999", "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"cancelled\"}]", 404, "is not known"),
            ("PATCH", "/fhir/Appointment/abc", "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"cancelled\"}]", 404, "is not known"),
            ("PUT", "/fhir/Appointment/1", """{"resourceType":"Appointment","id":"2","status":"cancelled","participant":[{"status":"accepted"}]}""", 400, "id in the address"),
            ("PUT", "/fhir/Appointment/1", """{"resourceType":"Appointment","id":"1","status":"booked","participant":[{"status":"accepted"}]}""", 422, "Only cancelling"),
            ("PUT", "/fhir/Appointment/1", """{"resourceType":"Appointment","id":"1","status":"nonsense"}""", 400, "not a valid FHIR R4 JSON resource"),
            ("DELETE", "/fhir/Appointment/1", "", 405, "not supported"),
        ];
        foreach (var (method, url, body, status, message) in cases)
        {
            var answer = await SendAsync(client, new HttpMethod(method), url, token, body);
            Assert.True((int)answer.Status == status, $"{method} {url} {body[..Math.Min(body.Length, 120)]}: {(int)answer.Status} {answer.Diagnostics}");
            Assert.Contains(message, answer.Diagnostics, StringComparison.Ordinal);
        }
        Assert.Equal(0, await factory.WithDbAsync(db => db.Appointments.CountAsync(a => a.PatientId == patientId, Ct)));
    }

    private static string At(DateTimeOffset? instant) => instant!.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string FhirJsonText(Resource resource) =>
        System.Text.Json.JsonSerializer.Serialize(resource, resource.GetType(), new System.Text.Json.JsonSerializerOptions().ForFhir());
}
