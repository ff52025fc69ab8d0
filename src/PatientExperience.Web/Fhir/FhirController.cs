using System.Net.Http.Headers;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.RateLimiting;
using PatientExperience.Core.ApiClients;
using PatientExperience.Core.Auditing;

namespace PatientExperience.Web.Fhir;

/// <summary>
/// FHIR R4 read and search at <c>/fhir</c>. Every answer is <c>application/fhir+json</c>; every refusal an
/// OperationOutcome (400 bad parameter, 401 no or bad token, 403 missing scope, 404 unknown type or id).
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken]
[EnableRateLimiting(FhirWebServices.ApiPolicy)]
public sealed partial class FhirController(FhirDirectory directory, FhirSurveys surveys, FhirExports exports, FhirTokens tokens, ApiClientRegistry clients, AuditTrail audit,
    Core.Appointments.AppointmentQueries appointments, Core.Departments.DepartmentCatalog catalog, Core.Appointments.BookingService booking, Microsoft.Extensions.Options.IOptions<Core.Appointments.BookingOptions> bookingOptions) : ControllerBase
{
    /// <summary>
    /// What each resource type supports: its search parameters and, for patient data, which patient a resource belongs
    /// to (every such resource read is audited).
    /// </summary>
    internal sealed record ResourceKind(string[] SearchParameters, Func<Resource, int?>? PatientOf = null);

    internal static readonly IReadOnlyDictionary<string, ResourceKind> Kinds = new Dictionary<string, ResourceKind>(StringComparer.Ordinal)
    {
        ["Practitioner"] = new(["_id", "name", "_lastUpdated"]),
        ["HealthcareService"] = new(["_id", "name", "location", "_lastUpdated"]),
        ["Location"] = new(["_id", "name", "_lastUpdated"]),
        ["Schedule"] = new(["_id", "actor", "_lastUpdated"]),
        ["Slot"] = new(["schedule", "service-type", "start", "status"]),
        ["Patient"] = new(["_id", "identifier", "family", "birthdate", "_lastUpdated"], PatientOf: patient => FhirQuery.Id(patient.Id)),
        ["Appointment"] = new(["patient", "practitioner", "date", "status", "_lastUpdated", "_include"], PatientOf: appointment =>
            FhirQuery.ReferenceId(((Appointment)appointment).Participant.Select(p => p.Actor?.Reference).FirstOrDefault(r => r?.StartsWith("Patient/", StringComparison.Ordinal) == true), "Patient")),
        ["Questionnaire"] = new(["_id", "url", "version", "title", "status"]),
        ["QuestionnaireResponse"] = new(["_id", "authored", "questionnaire", "patient"], PatientOf: response =>
            FhirQuery.ReferenceId(((QuestionnaireResponse)response).Subject?.Reference, "Patient")),
    };

    [HttpGet("fhir/metadata")]
    public IActionResult Metadata() => new FhirResult(FhirCapabilities.Statement(BaseUrl));

    [HttpGet("fhir/{type}/{id}")]
    public async Task<IActionResult> Read(string? type, string? id, CancellationToken cancellationToken)
    {
        // Model binding turns a blank route value into null.
        type ??= string.Empty;
        id ??= string.Empty;
        if (!Kinds.TryGetValue(type, out var kind))
            return UnknownType(type);
        var (caller, refusal) = await CallerAsync(type, cancellationToken);
        if (caller is null)
            return refusal!;
        var numeric = FhirQuery.Id(id);
        Resource? resource = type switch
        {
            "Slot" => id.Length <= 64 ? await directory.SlotAsync(id, cancellationToken) : null,
            _ when numeric is null => null,
            "Practitioner" => await directory.PractitionerAsync(numeric.Value, cancellationToken),
            "HealthcareService" => await directory.HealthcareServiceAsync(numeric.Value, cancellationToken),
            "Location" => await directory.LocationAsync(numeric.Value, cancellationToken),
            "Schedule" => await directory.ScheduleAsync(numeric.Value, cancellationToken),
            "Patient" => await directory.PatientAsync(numeric.Value, cancellationToken),
            "Appointment" => await directory.AppointmentAsync(numeric.Value, cancellationToken),
            "Questionnaire" => await surveys.QuestionnaireAsync(numeric.Value, cancellationToken),
            "QuestionnaireResponse" => await surveys.ResponseAsync(numeric.Value, cancellationToken),
            _ => null,
        };
        if (resource is null)
            return FhirJson.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"{type}/{Clip(id)} is not known.");
        await AuditAsync(caller, kind, [resource], cancellationToken);
        return new FhirResult(resource);
    }

    [HttpGet("fhir/{type}")]
    public async Task<IActionResult> Search(string? type, CancellationToken cancellationToken)
    {
        type ??= string.Empty;
        if (!Kinds.TryGetValue(type, out var kind))
            return UnknownType(type);
        var (caller, refusal) = await CallerAsync(type, cancellationToken);
        if (caller is null)
            return refusal!;
        var (query, error) = FhirQuery.Parse(Request.Query, kind.SearchParameters, "start", "date", "_lastUpdated", "authored");
        if (query is null)
            return BadRequest(error!);
        if (FhirQuery.Range(query.All("_lastUpdated"), directory.Zone, "_lastUpdated").Error is { } badLastUpdated)
            return BadRequest(badLastUpdated);
        if (query.One("_include") is { } include)
        {
            if (include != FhirDirectory.IncludePatient)
                return BadRequest($"Only _include={FhirDirectory.IncludePatient} is supported.");
            if (!ApiScopes.Allows(caller.Scopes, "Patient", "read"))
                return FhirJson.Outcome(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden,
                    $"_include={FhirDirectory.IncludePatient} needs system/Patient.read or system/*.read.");
        }
        FhirPage? page;
        switch (type)
        {
            case "Practitioner": page = await directory.PractitionersAsync(query, cancellationToken); break;
            case "HealthcareService": page = await directory.HealthcareServicesAsync(query, cancellationToken); break;
            case "Location": page = await directory.LocationsAsync(query, cancellationToken); break;
            case "Schedule": page = await directory.SchedulesAsync(query, cancellationToken); break;
            case "Questionnaire": page = await surveys.QuestionnairesAsync(query, cancellationToken); break;
            case "QuestionnaireResponse":
                (page, error) = await surveys.ResponsesAsync(query, cancellationToken);
                if (page is null)
                    return BadRequest(error!);
                break;
            case "Appointment":
                (page, error) = await directory.AppointmentsAsync(query, cancellationToken);
                if (page is null)
                    return BadRequest(error!);
                break;
            case "Patient":
                (page, error) = await directory.PatientsAsync(query, cancellationToken);
                if (page is null)
                    return BadRequest(error!);
                break;
            default:
                (page, error) = await directory.SlotsAsync(query, cancellationToken);
                if (page is null)
                    return BadRequest(error!);
                break;
        }
        await AuditAsync(caller, kind, page.Resources, cancellationToken);
        if (page.Included is { Count: > 0 } included)
            await AuditAsync(caller, Kinds["Patient"], included, cancellationToken);
        return new FhirResult(FhirBundles.Searchset(BaseUrl, type, Request.Query, query, page, directory.Instant(directory.UtcNow)));
    }

    /// <summary>Any other path or method under /fhir: an OperationOutcome, never the HTML error page.</summary>
    [Route("fhir/{**rest}", Order = 1)]
    public IActionResult Unsupported(string? rest) =>
        HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method)
            ? FhirJson.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotSupported, $"/fhir/{Clip(rest ?? string.Empty)} is not supported. See /fhir/metadata.")
            : FhirJson.Outcome(StatusCodes.Status405MethodNotAllowed, OperationOutcome.IssueType.NotSupported, $"{Request.Method} is not supported here. See /fhir/metadata.");

    private string BaseUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}/fhir";

    /// <summary>The client behind the bearer token, if it may read (or write: <paramref name="access"/>) <paramref name="type"/>; otherwise the 401 or 403 to answer.</summary>
    private async Task<(FhirCaller? Caller, IActionResult? Refusal)> CallerAsync(string? type, CancellationToken cancellationToken, string access = "read")
    {
        string? token = null;
        if (AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
            token = header.Parameter;
        if (string.IsNullOrEmpty(token))
        {
            Response.Headers.WWWAuthenticate = "Bearer realm=\"fhir\"";
            return (null, FhirJson.Outcome(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login,
                "Send an access token from POST /fhir/auth/token: Authorization: Bearer <token>."));
        }
        var claims = tokens.Read(token);
        var client = claims is { } c ? await clients.UsableAsync(c.ClientId, cancellationToken) : null;
        if (client is null)
        {
            Response.Headers.WWWAuthenticate = "Bearer realm=\"fhir\", error=\"invalid_token\"";
            return (null, FhirJson.Outcome(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login,
                "The access token is not valid: it has expired, or its client was revoked. Get a new one from POST /fhir/auth/token."));
        }
        // A token's scopes never outgrow its client's.
        var scopes = claims!.Value.Scopes.Where(s => ApiScopes.Grant(client.ScopeList, s) is not null).ToList();
        if (type is not null && !ApiScopes.Allows(scopes, type, access))
        {
            Response.Headers.WWWAuthenticate = "Bearer realm=\"fhir\", error=\"insufficient_scope\"";
            return (null, FhirJson.Outcome(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden, access == "read"
                ? $"This token has no scope to read {type}: it needs system/{type}.read or system/*.read."
                : $"This token has no scope to change {type}: it needs system/{type}.{access}."));
        }
        return (new FhirCaller(client, scopes), null);
    }

    /// <summary>
    /// The audit hook: every patient-data resource a client reads is an AuditEntry naming the client (as staff access
    /// is). Patient, Appointment and QuestionnaireResponse are; Practitioner, HealthcareService, Location, Schedule, Slot and
    /// Questionnaire are not.
    /// </summary>
    private async System.Threading.Tasks.Task AuditAsync(FhirCaller caller, ResourceKind kind, IReadOnlyList<Resource> resources, CancellationToken cancellationToken)
    {
        if (kind.PatientOf is null || resources.Count == 0)
            return;
        foreach (var resource in resources)
            audit.RecordApiClient(caller.Client.Id, AuditAction.View, resource.TypeName, resource.Id, kind.PatientOf(resource));
        await audit.SaveAsync(cancellationToken);
    }

    private static FhirResult UnknownType(string type) =>
        FhirJson.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotSupported, $"'{Clip(type)}' is not a resource type this server supports. See /fhir/metadata.");

    private static FhirResult BadRequest(string message) => FhirJson.Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, message);

    private static string Clip(string text) => text.Length > 64 ? text[..64] + "…" : text;
}
