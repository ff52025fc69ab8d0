using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace PatientExperience.Web.Fhir;

/// <summary>FHIR R4 JSON out (Firely's System.Text.Json converters), with the FHIR content type.</summary>
internal static class FhirJson
{
    public const string ContentType = "application/fhir+json";

    public static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir();

    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), Options);

    /// <summary>An OperationOutcome with one error issue: what every refusal of the API answers.</summary>
    public static FhirResult Outcome(int status, OperationOutcome.IssueType code, string text) =>
        new(new OperationOutcome
        {
            Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = code, Diagnostics = text }],
        }, status);
}

/// <summary>A resource written as <c>application/fhir+json</c> with the given status.</summary>
internal sealed class FhirResult(Resource resource, int status = StatusCodes.Status200OK) : IActionResult
{
    public int Status => status;

    public System.Threading.Tasks.Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WriteAsync(context.HttpContext, context.HttpContext.RequestAborted);
    }

    public async System.Threading.Tasks.Task WriteAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = FhirJson.ContentType + "; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync(FhirJson.Serialize(resource), cancellationToken);
    }
}
