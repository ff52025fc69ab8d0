using System.Text.Json;
using Hl7.Fhir.Model;
using PatientExperience.Core.ApiClients;
using PatientExperience.Core.Auditing;

namespace PatientExperience.Web.Fhir;

/// <summary>
/// FHIR Bulk Data export (kick-off, status, NDJSON download) for Appointment and QuestionnaireResponse since a date. The
/// files are computed on download (<see cref="FhirExports"/>), so a job is complete as soon as it is started: the status
/// answers the manifest at once. Only the client that started a job can read its status and files.
/// </summary>
public sealed partial class FhirController
{
    private static readonly string[] ExportParameters = ["_since", "_type", "_outputFormat"];

    [HttpGet("fhir/$export")]
    public Task<IActionResult> ExportAll(CancellationToken cancellationToken) => KickOffAsync(null, cancellationToken);

    [HttpGet("fhir/{type}/$export")]
    public Task<IActionResult> ExportType(string? type, CancellationToken cancellationToken) => KickOffAsync(type ?? string.Empty, cancellationToken);

    private async Task<IActionResult> KickOffAsync(string? type, CancellationToken cancellationToken)
    {
        if (type is not null && !FhirExports.Types.Contains(type))
            return FhirJson.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotSupported, $"Bulk export covers {string.Join(" and ", FhirExports.Types)}.");
        var (caller, refusal) = await CallerAsync(type, cancellationToken);
        if (caller is null)
            return refusal!;
        foreach (var (name, value) in Request.Query)
        {
            if (!ExportParameters.Contains(name))
                return BadRequest($"Unknown parameter '{Clip(name)}'. Supported: {string.Join(", ", ExportParameters)}.");
            if (value.Count > 1)
                return BadRequest($"Give '{name}' once.");
        }
        if (!Request.Headers["Prefer"].Any(p => p?.Contains("respond-async", StringComparison.OrdinalIgnoreCase) == true))
            return BadRequest("A bulk export is asynchronous: send the header Prefer: respond-async.");
        if (Request.Query["_outputFormat"].FirstOrDefault() is { } format && format is not ("application/fhir+ndjson" or "application/ndjson" or "ndjson"))
            return BadRequest("Only NDJSON is written (_outputFormat=application/fhir+ndjson).");
        IReadOnlyList<string> types = type is null ? FhirExports.Types : [type];
        if (Request.Query["_type"].FirstOrDefault() is { } asked)
        {
            var wanted = asked.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
            if (wanted.Count == 0 || wanted.Any(t => !types.Contains(t)))
                return BadRequest($"_type lists {string.Join(" and/or ", types)}, separated by commas.");
            types = wanted;
        }
        if (types.FirstOrDefault(t => !ApiScopes.Allows(caller.Scopes, t, "read")) is { } denied)
            return FhirJson.Outcome(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden,
                $"This token has no scope to read {denied}: it needs system/{denied}.read or system/*.read.");
        DateTime? since = null;
        if (Request.Query["_since"].FirstOrDefault() is { } sinceText)
        {
            var (from, _, error) = FhirQuery.Range(["ge" + sinceText], directory.Zone, "_since");
            if (error is not null || from is null)
                return BadRequest("_since is an instant with an offset (2026-11-01T00:00:00Z) or a date (2026-11-01).");
            since = from;
        }
        var job = exports.Start(caller.Client.Id, types, since, directory.UtcNow);
        audit.RecordApiClient(caller.Client.Id, AuditAction.Search, "$export", string.Join(',', types), null);
        await audit.SaveAsync(cancellationToken);
        Response.Headers.ContentLocation = $"{BaseUrl}/$export-status/{job}";
        return StatusCode(StatusCodes.Status202Accepted);
    }

    /// <summary>The manifest: ready at once, as the files are computed when downloaded.</summary>
    [HttpGet("fhir/$export-status/{job}")]
    public async Task<IActionResult> ExportStatus(string? job, CancellationToken cancellationToken)
    {
        var (caller, refusal) = await CallerAsync(null, cancellationToken);
        if (caller is null)
            return refusal!;
        if (exports.Read(job) is not { } found || found.ClientId != caller.Client.Id)
            return UnknownExport();
        var manifest = new
        {
            transactionTime = directory.Instant(found.Until).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            request = $"{BaseUrl}/$export?_type={string.Join(',', found.Types)}"
                + (found.Since is { } s ? "&_since=" + Uri.EscapeDataString(directory.Instant(s).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture)) : string.Empty),
            requiresAccessToken = true,
            output = found.Types.Select(t => new { type = t, url = $"{BaseUrl}/$export-file/{job}/{t}" }).ToArray(),
            error = Array.Empty<object>(),
        };
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Expires = found.ExpiresUtc.ToString("R", CultureInfo.InvariantCulture);
        return new ContentResult { StatusCode = StatusCodes.Status200OK, ContentType = "application/json; charset=utf-8", Content = JsonSerializer.Serialize(manifest) };
    }

    /// <summary>Nothing is kept for a job, so there is nothing to delete; the answer says it is gone as the spec asks.</summary>
    [HttpDelete("fhir/$export-status/{job}")]
    public async Task<IActionResult> ExportDelete(string? job, CancellationToken cancellationToken)
    {
        var (caller, refusal) = await CallerAsync(null, cancellationToken);
        if (caller is null)
            return refusal!;
        return exports.Read(job) is { } found && found.ClientId == caller.Client.Id ? StatusCode(StatusCodes.Status202Accepted) : UnknownExport();
    }

    /// <summary>One type's NDJSON, streamed from the database. The download is one audit entry naming the client.</summary>
    [HttpGet("fhir/$export-file/{job}/{type}")]
    public async Task<IActionResult> ExportFile(string? job, string? type, CancellationToken cancellationToken)
    {
        var (caller, refusal) = await CallerAsync(type is not null && FhirExports.Types.Contains(type) ? type : null, cancellationToken);
        if (caller is null)
            return refusal!;
        if (exports.Read(job) is not { } found || found.ClientId != caller.Client.Id || type is null || !found.Types.Contains(type))
            return UnknownExport();
        audit.RecordApiClient(caller.Client.Id, AuditAction.View, type, "$export", null);
        await audit.SaveAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status200OK;
        Response.ContentType = "application/fhir+ndjson";
        Response.Headers.CacheControl = "no-store";
        await exports.WriteAsync(found, type, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    private static FhirResult UnknownExport() =>
        FhirJson.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound,
            "This export is not known to this client, or its links have expired (they work for 24 hours). Start a new one.");
}
