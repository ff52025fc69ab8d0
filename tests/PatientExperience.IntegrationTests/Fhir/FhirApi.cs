using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace PatientExperience.IntegrationTests.Fhir;

/// <summary>An answer of the FHIR API: its status, the resource it carried (checked against the R4 base definitions) and the raw body.</summary>
public sealed record FhirAnswer(HttpStatusCode Status, Resource Resource, string Body, HttpResponseMessage Response)
{
    public T As<T>() where T : Resource => Assert.IsType<T>(Resource);

    /// <summary>The OperationOutcome's diagnostics, for a refusal.</summary>
    public string Diagnostics => string.Join(" ", As<OperationOutcome>().Issue.Select(i => i.Diagnostics));
}

/// <summary>
/// A system calling the FHIR API as an EHR would: gets tokens from /fhir/auth/token and reads with them. Every resource the
/// API answers with is validated with Firely's validator against the FHIR R4 base definitions; an error fails the test.
/// </summary>
public static class FhirApi
{
    public const string DemoClient = "demo-ehr";

    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir();

    private static readonly Lazy<Validator> Validator = new(() =>
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(source, new LocalTerminologyService(source));
    });

    /// <summary>The token endpoint's answer to a form.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostTokenAsync(HttpClient client,
        IEnumerable<KeyValuePair<string, string>> form, CancellationToken ct, AuthenticationHeaderValue? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/fhir/auth/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = authorization;
        var response = await client.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), response);
    }

    /// <summary>A token for the client (the demo EHR, every scope, unless told otherwise).</summary>
    public static async Task<string> TokenAsync(HttpClient client, CancellationToken ct, string clientId = DemoClient, string secret = Infrastructure.PortalFactory.DemoPassword, string? scope = null)
    {
        List<KeyValuePair<string, string>> form = [new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret)];
        if (scope is not null)
            form.Add(new("scope", scope));
        var (status, body, _) = await PostTokenAsync(client, form, ct);
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("access_token").GetString()!;
    }

    public static async Task<FhirAnswer> GetAsync(HttpClient client, string url, string? token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request, ct);
        return await ReadAsync(response, ct);
    }

    /// <summary>Reads and validates the resource in an answer; the content type must be application/fhir+json.</summary>
    public static async Task<FhirAnswer> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode < HttpStatusCode.InternalServerError, $"{(int)response.StatusCode} for {response.RequestMessage?.RequestUri}: {body}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var resource = JsonSerializer.Deserialize<Resource>(body, Json)!;
        AssertValid(resource);
        return new FhirAnswer(response.StatusCode, resource, body, response);
    }

    /// <summary>Fails with the validator's messages when the resource breaks the FHIR R4 base definitions.</summary>
    public static void AssertValid(Resource resource)
    {
        OperationOutcome outcome;
        lock (Validator)
            outcome = Validator.Value.Validate(resource);
        var errors = outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{string.Join(",", i.Expression ?? [])}: {i.Details?.Text ?? i.Diagnostics}")
            .ToList();
        Assert.True(errors.Count == 0, $"{resource.TypeName} is not valid FHIR R4:\n{string.Join("\n", errors)}");
    }

    public static IReadOnlyList<T> Entries<T>(this Bundle bundle) where T : Resource => [.. bundle.Entry.Select(e => Assert.IsType<T>(e.Resource))];

    public static string? Link(this Bundle bundle, string relation) => bundle.Link.FirstOrDefault(l => l.Relation == relation)?.Url;
}
