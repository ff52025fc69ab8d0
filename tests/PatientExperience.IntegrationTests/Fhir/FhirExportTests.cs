using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.ApiClients;
using Task = System.Threading.Tasks.Task;

namespace PatientExperience.IntegrationTests.Fhir;

/// <summary>
/// The FHIR Bulk Data flow a warehouse follows: kick-off with Prefer: respond-async, poll the status URL, download each
/// NDJSON file with the same client's token. Every line is a resource valid against R4.
/// </summary>
public class FhirExportTests(FhirFactory factory) : IClassFixture<FhirFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir();

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, string? token, bool respondAsync = true, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (respondAsync)
            request.Headers.Add("Prefer", "respond-async");
        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task AWarehousePullsSurveyAnswersAndAppointmentsSinceADateAsNdjson()
    {
        var client = factory.CreateBrowser();
        var token = await FhirApi.TokenAsync(client, Ct);
        var version = await factory.WithDbAsync(db => db.QuestionnaireVersions.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync(Ct));
        var (old, _) = await FhirSurveyTests.AnswerAsync(factory, version, new DateTime(2026, 10, 5, 15, 0, 0, DateTimeKind.Utc), "9", null);
        var (recent, _) = await FhirSurveyTests.AnswerAsync(factory, version, new DateTime(2026, 10, 20, 15, 0, 0, DateTimeKind.Utc), "2", "Rude at the desk");
        var (latest, _) = await FhirSurveyTests.AnswerAsync(factory, version, new DateTime(2026, 11, 2, 15, 0, 0, DateTimeKind.Utc), "10", null);

        using var kickOff = await SendAsync(client, "/fhir/$export?_type=QuestionnaireResponse,Appointment&_since=2026-10-15T00:00:00Z", token);

        Assert.Equal(HttpStatusCode.Accepted, kickOff.StatusCode);
        var status = kickOff.Content.Headers.ContentLocation ?? kickOff.Headers.GetValues("Content-Location").Select(v => new Uri(v)).Single();
        using var polled = await SendAsync(client, status.PathAndQuery, token, respondAsync: false);
        Assert.Equal(HttpStatusCode.OK, polled.StatusCode);
        Assert.Equal("application/json", polled.Content.Headers.ContentType?.MediaType);
        using var manifest = JsonDocument.Parse(await polled.Content.ReadAsStringAsync(Ct));
        Assert.True(manifest.RootElement.GetProperty("requiresAccessToken").GetBoolean());
        Assert.StartsWith("2026-11-23T08:00:00", manifest.RootElement.GetProperty("transactionTime").GetString(), StringComparison.Ordinal);
        var outputs = manifest.RootElement.GetProperty("output").EnumerateArray().ToDictionary(o => o.GetProperty("type").GetString()!, o => new Uri(o.GetProperty("url").GetString()!).PathAndQuery);
        Assert.Equal(["Appointment", "QuestionnaireResponse"], outputs.Keys.Order(StringComparer.Ordinal));

        var responses = await DownloadAsync<QuestionnaireResponse>(client, outputs["QuestionnaireResponse"], token);
        var appointments = await DownloadAsync<Appointment>(client, outputs["Appointment"], token);

        Assert.Equal([recent.ToString(System.Globalization.CultureInfo.InvariantCulture), latest.ToString(System.Globalization.CultureInfo.InvariantCulture)], responses.Select(r => r.Id));
        Assert.DoesNotContain(responses, r => r.Id == old.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Rude at the desk", Assert.IsType<FhirString>(responses[0].Item.Single(i => i.LinkId == "comment").Answer[0].Value).Value);
        var since = new DateTime(2026, 10, 15, 0, 0, 0, DateTimeKind.Utc);
        var changed = await factory.WithDbAsync(db => db.Appointments.Where(a => (a.ModifiedAtUtc ?? a.CreatedAtUtc) >= since).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(Ct));
        Assert.True(changed.Count >= 3);
        Assert.Equal(changed.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), appointments.Select(a => a.Id));

        // The download is audited naming the client; another client, or no token, cannot use the links.
        var demo = await factory.WithDbAsync(db => db.ApiClients.Where(c => c.ClientId == FhirApi.DemoClient).Select(c => c.Id).SingleAsync(Ct));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ApiClientId == demo && a.EntityType == "QuestionnaireResponse" && a.EntityId == "$export", Ct)));
        var other = await factory.WithScopeAsync(sp => sp.GetRequiredService<ApiClientRegistry>()
            .RegisterAsync(new RegisterApiClient("Warehouse two", [ApiScopes.AllRead], new DateOnly(2027, 6, 1)), Ct));
        var otherToken = await FhirApi.TokenAsync(client, Ct, other.Value!.ClientId, other.Value.Secret);
        using (var stolen = await SendAsync(client, outputs["QuestionnaireResponse"], otherToken, respondAsync: false))
            Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        using (var stolenStatus = await SendAsync(client, status.PathAndQuery, otherToken, respondAsync: false))
            Assert.Equal(HttpStatusCode.NotFound, stolenStatus.StatusCode);
        using (var anonymous = await SendAsync(client, outputs["QuestionnaireResponse"], null, respondAsync: false))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task TypeLevelKickOffAndRefusals()
    {
        var client = factory.CreateBrowser();
        var token = await FhirApi.TokenAsync(client, Ct);

        using var typeLevel = await SendAsync(client, "/fhir/QuestionnaireResponse/$export?_since=2026-11-01", token);
        Assert.Equal(HttpStatusCode.Accepted, typeLevel.StatusCode);
        var status = (typeLevel.Content.Headers.ContentLocation ?? typeLevel.Headers.GetValues("Content-Location").Select(v => new Uri(v)).Single()).PathAndQuery;
        using var manifest = JsonDocument.Parse(await (await SendAsync(client, status, token, respondAsync: false)).Content.ReadAsStringAsync(Ct));
        Assert.Equal(["QuestionnaireResponse"], manifest.RootElement.GetProperty("output").EnumerateArray().Select(o => o.GetProperty("type").GetString()));
        using (var deleted = await SendAsync(client, status, token, respondAsync: false, HttpMethod.Delete))
            Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);

        var narrow = await FhirApi.TokenAsync(client, Ct, scope: "system/Appointment.read");
        (string Url, string? Token, bool Async, HttpStatusCode Status, string Message)[] cases =
        [
            ("/fhir/$export", token, false, HttpStatusCode.BadRequest, "Prefer: respond-async"),
            ("/fhir/$export?_since=yesterday", token, true, HttpStatusCode.BadRequest, "_since is an instant"),
            ("/fhir/$export?_type=Patient", token, true, HttpStatusCode.BadRequest, "_type lists"),
            ("/fhir/$export?_outputFormat=text/csv", token, true, HttpStatusCode.BadRequest, "Only NDJSON"),
            ("/fhir/$export?_elements=id", token, true, HttpStatusCode.BadRequest, "Unknown parameter"),
            ("/fhir/Patient/$export", token, true, HttpStatusCode.NotFound, "Bulk export covers"),
            ("/fhir/$export", narrow, true, HttpStatusCode.Forbidden, "system/QuestionnaireResponse.read"),
            ("/fhir/QuestionnaireResponse/$export", narrow, true, HttpStatusCode.Forbidden, "system/QuestionnaireResponse.read"),
            ("/fhir/$export-status/not-a-job", token, false, HttpStatusCode.NotFound, "not known"),
            ("/fhir/$export-file/not-a-job/Appointment", token, false, HttpStatusCode.NotFound, "not known"),
            (status.Replace("$export-status", "$export-file", StringComparison.Ordinal) + "/Appointment", token, false, HttpStatusCode.NotFound, "not known"),
        ];
        foreach (var (url, bearer, respondAsync, expected, message) in cases)
        {
            var answer = await FhirApi.ReadAsync(await SendAsync(client, url, bearer, respondAsync), Ct);
            Assert.True(answer.Status == expected, $"{url}: {(int)answer.Status} {answer.Diagnostics}");
            Assert.Contains(message, answer.Diagnostics, StringComparison.Ordinal);
        }
        using var appointmentsOnly = await SendAsync(client, "/fhir/$export?_type=Appointment", narrow);
        Assert.Equal(HttpStatusCode.Accepted, appointmentsOnly.StatusCode);
    }

    /// <summary>Downloads one NDJSON file: every line one resource of the type, valid FHIR R4.</summary>
    private static async Task<List<T>> DownloadAsync<T>(HttpClient client, string url, string token) where T : Resource
    {
        using var response = await SendAsync(client, url, token, respondAsync: false);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+ndjson", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var resources = new List<T>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var resource = Assert.IsType<T>(JsonSerializer.Deserialize<Resource>(line, Json));
            FhirApi.AssertValid(resource);
            resources.Add(resource);
        }
        return resources;
    }
}
