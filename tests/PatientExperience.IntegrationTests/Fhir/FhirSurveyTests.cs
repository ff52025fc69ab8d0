using System.Globalization;
using System.Net;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Surveys;
using Questionnaire = Hl7.Fhir.Model.Questionnaire;
using PatientExperience.Infrastructure.Data;
using Task = System.Threading.Tasks.Task;

namespace PatientExperience.IntegrationTests.Fhir;

/// <summary>
/// Questionnaires (every published version) and survey answers (QuestionnaireResponse) through FHIR, answered through the
/// real survey service. Every resource is validated against R4; each response read is audited naming the client.
/// </summary>
public class FhirSurveyTests(FhirFactory factory) : IClassFixture<FhirFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A new patient's answers to the given questionnaire version, submitted through SurveyService, then dated <paramref name="respondedAtUtc"/>.</summary>
    internal static async Task<(int ResponseId, int PatientId)> AnswerAsync(FhirFactory factory, int versionId, DateTime respondedAtUtc, string recommend, string? comment)
    {
        var (invitationId, patientId) = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var patient = new Core.Patients.Patient("Sam", "Answerer", new DateOnly(1985, 2, 3), "555 010 0003", null, "en");
            db.Patients.Add(patient);
            await db.SaveChangesAsync(Ct);
            var clinician = await db.StaffMembers.Where(s => s.IsClinician && s.IsActive).OrderBy(s => s.Id).FirstAsync(Ct);
            var service = await db.ClinicServices.Where(x => x.DepartmentId == clinician.DepartmentId && x.IsActive).OrderBy(x => x.Id).FirstAsync(Ct);
            var free = (await sp.GetRequiredService<Core.Appointments.Availability>().SlotsAsync(service.Id, clinician.Id, new DateOnly(2026, 11, 27), 1, Ct)).SelectMany(d => d.Slots).First();
            var visit = new Core.Appointments.Appointment(patient.Id, clinician.Id, service.Id, free.Slot, Core.Interactions.InteractionChannel.Web, TimeSpan.FromDays(1));
            db.Appointments.Add(visit);
            await db.SaveChangesAsync(Ct);
            var now = factory.Time.GetUtcNow().UtcDateTime;
            var invitation = new SurveyInvitation(patient.Id, visit.Id, versionId, service.DepartmentId, clinician.Id, service.Id, visit.StartUtc, visit.StartUtc, now.AddDays(-1), now.AddDays(10));
            invitation.RestoreHistory(InvitationStatus.Open, now.AddDays(-1), false, null, null);
            db.SurveyInvitations.Add(invitation);
            await db.SaveChangesAsync(Ct);
            return (invitation.Id, patient.Id);
        });
        await factory.WithScopeAsync(async sp =>
        {
            var posted = new Dictionary<string, string?> { ["recommend"] = recommend, ["overall"] = "8", ["listened"] = "4", ["contact"] = "0", ["comment"] = comment };
            var result = await sp.GetRequiredService<SurveyService>().SubmitAsync(SurveyKey.ForPatient(invitationId, patientId), posted, Ct);
            Assert.True(result.IsSuccess);
            return 0;
        });
        return await factory.WithDbAsync(async db =>
        {
            var response = await db.SurveyResponses.Where(r => r.InvitationId == invitationId).Select(r => r.Id).SingleAsync(Ct);
            await db.SurveyResponses.Where(r => r.Id == response).ExecuteUpdateAsync(s => s.SetProperty(r => r.RespondedAtUtc, respondedAtUtc), Ct);
            return (response, patientId);
        });
    }

    [Fact]
    public async Task EveryPublishedVersionIsAQuestionnaire()
    {
        var client = factory.CreateBrowser();
        var token = await FhirApi.TokenAsync(client, Ct);
        // A manager rewords the questionnaire and publishes version 2: version 1 stays as it was, now retired.
        var (questionnaireId, first, second) = await factory.WithDbAsync(async db =>
        {
            var questionnaire = await db.Questionnaires.AsTracking().OrderBy(q => q.Id).FirstAsync(Ct);
            var v1 = await db.QuestionnaireVersions.Where(v => v.QuestionnaireId == questionnaire.Id).OrderByDescending(v => v.Number).FirstAsync(Ct);
            questionnaire.SetDraft(v1.Questions.Where(q => q.Key != "clean"));
            var v2 = questionnaire.Publish(new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc));
            db.QuestionnaireVersions.Add(v2);
            await db.SaveChangesAsync(Ct);
            return (questionnaire.Id, v1, v2);
        });
        var url = $"https://patientexperience.example/fhir/Questionnaire/{questionnaireId}";

        var versions = (await FhirApi.GetAsync(client, $"/fhir/Questionnaire?url={Uri.EscapeDataString(url)}", token, Ct)).As<Bundle>().Entries<Questionnaire>();

        Assert.Equal([Key(first.Id), Key(second.Id)], versions.Select(q => q.Id));
        Assert.Equal([Key(first.Number), Key(second.Number)], versions.Select(q => q.Version));
        Assert.Equal([PublicationStatus.Retired, PublicationStatus.Active], versions.Select(q => q.Status!.Value));
        Assert.All(versions, q => Assert.Equal(url, q.Url));
        Assert.Contains(versions[0].Item, i => i.LinkId == "clean");
        Assert.DoesNotContain(versions[1].Item, i => i.LinkId == "clean");
        var listened = versions[1].Item.Single(i => i.LinkId == "listened");
        Assert.Equal(Questionnaire.QuestionnaireItemType.Choice, listened.Type);
        Assert.Equal(["Never", "Sometimes", "Usually", "Always"], listened.AnswerOption.Select(o => ((Coding)o.Value).Display));
        Assert.Equal(Questionnaire.QuestionnaireItemType.Integer, versions[1].Item.Single(i => i.LinkId == "recommend").Type);

        var read = (await FhirApi.GetAsync(client, $"/fhir/Questionnaire/{first.Id}", token, Ct)).As<Questionnaire>();
        Assert.Equal(first.Questions.Count, read.Item.Count);
        var one = (await FhirApi.GetAsync(client, $"/fhir/Questionnaire?url={Uri.EscapeDataString(url + "|" + Key(second.Number))}", token, Ct)).As<Bundle>();
        Assert.Equal([Key(second.Id)], one.Entries<Questionnaire>().Select(q => q.Id));
        Assert.Equal([Key(second.Id)], (await FhirApi.GetAsync(client, $"/fhir/Questionnaire?url={Uri.EscapeDataString(url)}&status=active", token, Ct)).As<Bundle>().Entries<Questionnaire>().Select(q => q.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await FhirApi.GetAsync(client, "/fhir/Questionnaire/999999", token, Ct)).Status);
        var narrow = await FhirApi.TokenAsync(client, Ct, scope: "system/Slot.read");
        Assert.Equal(HttpStatusCode.Forbidden, (await FhirApi.GetAsync(client, "/fhir/Questionnaire", narrow, Ct)).Status);
    }

    [Fact]
    public async Task ResponsesAreFoundByAuthoredAndQuestionnaireAndEveryReadIsAudited()
    {
        var client = factory.CreateBrowser();
        var token = await FhirApi.TokenAsync(client, Ct);
        var version = await factory.WithDbAsync(db => db.QuestionnaireVersions.OrderBy(v => v.Id).FirstAsync(Ct));
        var (early, _) = await AnswerAsync(factory, version.Id, new DateTime(2026, 10, 5, 15, 0, 0, DateTimeKind.Utc), "3", "The wait was long");
        var (late, latePatient) = await AnswerAsync(factory, version.Id, new DateTime(2026, 10, 20, 15, 0, 0, DateTimeKind.Utc), "10", null);
        var demo = await factory.WithDbAsync(db => db.ApiClients.Where(c => c.ClientId == FhirApi.DemoClient).Select(c => c.Id).SingleAsync(Ct));
        Task<int> Audited() => factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ApiClientId == demo && a.EntityType == "QuestionnaireResponse", Ct));
        var before = await Audited();

        var october = (await FhirApi.GetAsync(client, "/fhir/QuestionnaireResponse?authored=ge2026-10-01&authored=lt2026-11-01", token, Ct)).As<Bundle>();
        var firstHalf = (await FhirApi.GetAsync(client, "/fhir/QuestionnaireResponse?authored=ge2026-10-01&authored=lt2026-10-15", token, Ct)).As<Bundle>();
        var byVersion = (await FhirApi.GetAsync(client, $"/fhir/QuestionnaireResponse?questionnaire=Questionnaire/{version.Id}&authored=ge2026-10-15", token, Ct)).As<Bundle>();
        var byUrl = (await FhirApi.GetAsync(client, $"/fhir/QuestionnaireResponse?questionnaire={Uri.EscapeDataString($"https://patientexperience.example/fhir/Questionnaire/{version.QuestionnaireId}|{version.Number}")}&authored=ge2026-10-01", token, Ct)).As<Bundle>();

        Assert.Equal([Key(early), Key(late)], october.Entries<QuestionnaireResponse>().Select(r => r.Id));
        Assert.Equal([Key(early)], firstHalf.Entries<QuestionnaireResponse>().Select(r => r.Id));
        Assert.Equal([Key(late)], byVersion.Entries<QuestionnaireResponse>().Select(r => r.Id));
        Assert.Contains(byUrl.Entries<QuestionnaireResponse>(), r => r.Id == Key(early));
        var answered = october.Entries<QuestionnaireResponse>()[0];
        Assert.Equal(QuestionnaireResponse.QuestionnaireResponseStatus.Completed, answered.Status);
        Assert.Equal($"https://patientexperience.example/fhir/Questionnaire/{version.QuestionnaireId}|{version.Number}", answered.Questionnaire);
        Assert.Equal("2026-10-05T11:00:00-04:00", answered.Authored);
        Assert.Equal(3, Assert.IsType<Integer>(answered.Item.Single(i => i.LinkId == "recommend").Answer[0].Value).Value);
        Assert.Equal("Always", Assert.IsType<Coding>(answered.Item.Single(i => i.LinkId == "listened").Answer[0].Value).Display);
        Assert.Equal("The wait was long", Assert.IsType<FhirString>(answered.Item.Single(i => i.LinkId == "comment").Answer[0].Value).Value);
        Assert.False(Assert.IsType<FhirBoolean>(answered.Item.Single(i => i.LinkId == "contact").Answer[0].Value).Value);

        var read = (await FhirApi.GetAsync(client, $"/fhir/QuestionnaireResponse/{late}", token, Ct)).As<QuestionnaireResponse>();
        Assert.Equal($"Patient/{latePatient}", read.Subject!.Reference);
        // Each response answered is an audit entry naming the client: 2 + 1 + 1 + byUrl + the read.
        Assert.Equal(before + 4 + byUrl.Entry.Count + 1, await Audited());

        var bad = await FhirApi.GetAsync(client, "/fhir/QuestionnaireResponse?authored=soon", token, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("is not a date", bad.Diagnostics, StringComparison.Ordinal);
        var narrow = await FhirApi.TokenAsync(client, Ct, scope: "system/Questionnaire.read");
        Assert.Equal(HttpStatusCode.Forbidden, (await FhirApi.GetAsync(client, $"/fhir/QuestionnaireResponse/{late}", narrow, Ct)).Status);
        Assert.Equal(0, (await FhirApi.GetAsync(client, "/fhir/QuestionnaireResponse?questionnaire=nonsense", token, Ct)).As<Bundle>().Total);
    }
}
