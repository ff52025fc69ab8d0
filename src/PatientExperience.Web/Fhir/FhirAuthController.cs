using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.RateLimiting;
using PatientExperience.Core.ApiClients;

namespace PatientExperience.Web.Fhir;

/// <summary>
/// OAuth 2.0 client-credentials grant (RFC 6749 section 4.4) for the FHIR API: <c>POST /fhir/auth/token</c> with the
/// client's id and secret in the form or in HTTP Basic. Errors follow RFC 6749 section 5.2.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken]
[EnableRateLimiting(FhirWebServices.TokenPolicy)]
public sealed class FhirAuthController(ApiClientRegistry clients, FhirTokens tokens) : ControllerBase
{
    [HttpPost("fhir/auth/token")]
    public async Task<IActionResult> Token(CancellationToken cancellationToken)
    {
        if (!Request.HasFormContentType)
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "Send the request as application/x-www-form-urlencoded.");
        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "The form could not be read.");
        }
        catch (IOException)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "The form could not be read.");
        }

        var grantType = Single(form, "grant_type");
        if (string.IsNullOrEmpty(grantType))
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "Give grant_type=client_credentials.");
        if (grantType != "client_credentials")
            return Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");

        var (clientId, secret) = Credentials(form);
        var client = await clients.SignInAsync(clientId, secret, cancellationToken);
        if (client is null)
        {
            Response.Headers.WWWAuthenticate = "Basic realm=\"fhir\"";
            return Error(StatusCodes.Status401Unauthorized, "invalid_client", "Unknown client, wrong secret, or the client is revoked or expired.");
        }

        var scopes = ApiScopes.Grant(client.ScopeList, Single(form, "scope"));
        if (scopes is null)
            return Error(StatusCodes.Status400BadRequest, "invalid_scope", "A scope asked for is unknown or not given to this client.");

        var token = tokens.Issue(client, scopes);
        await clients.RecordTokenIssuedAsync(client, cancellationToken);
        NoStore();
        return new JsonResult(new Dictionary<string, object>
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = tokens.LifetimeSeconds,
            ["scope"] = string.Join(' ', scopes),
        });
    }

    /// <summary>HTTP Basic first (RFC 6749 section 2.3.1), else the form's client_id and client_secret.</summary>
    private (string? Id, string? Secret) Credentials(IFormCollection form)
    {
        if (AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } encoded)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                    return (Uri.UnescapeDataString(pair[..colon]), Uri.UnescapeDataString(pair[(colon + 1)..]));
            }
            catch (FormatException)
            {
                // Not Base64: no credentials, so invalid_client below.
            }
            return (null, null);
        }
        return (Single(form, "client_id"), Single(form, "client_secret"));
    }

    /// <summary>A parameter given once (RFC 6749 section 3.2: parameters must not be repeated); null when missing or repeated.</summary>
    private static string? Single(IFormCollection form, string name) => form.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    private void NoStore()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
    }

    private JsonResult Error(int status, string error, string description)
    {
        NoStore();
        return new JsonResult(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }) { StatusCode = status };
    }
}
