using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using PatientExperience.Core.ApiClients;

namespace PatientExperience.Web.Fhir;

/// <summary>
/// Access tokens for the FHIR API: the client's row id, its scopes and an expiry, encrypted and signed with ASP.NET Core
/// Data Protection under their own purpose. The key ring is in the database (<c>DataProtectionKeys</c>), shared by every
/// instance, so a token from one instance works on all; nothing per token is stored. Every use reads the client's row, so
/// revoking a client (or its expiry) stops its tokens at once.
/// </summary>
public sealed class FhirTokens(IDataProtectionProvider protection, TimeProvider time, Microsoft.Extensions.Options.IOptions<FhirOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("PatientExperience.Fhir.AccessToken.v1");

    public int LifetimeSeconds => Math.Max(1, options.Value.TokenLifetimeSeconds);

    public string Issue(ApiClient client, IReadOnlyList<string> scopes)
    {
        var expires = time.GetUtcNow().AddSeconds(LifetimeSeconds).ToUnixTimeSeconds();
        return _protector.Protect(FormattableString.Invariant($"{client.Id}|{expires}|{string.Join(' ', scopes)}"));
    }

    /// <summary>The client id and scopes a token carries, if it is ours and has not expired; null otherwise.</summary>
    public (int ClientId, IReadOnlyList<string> Scopes)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000)
            return null;
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('|', 3);
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var clientId)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || time.GetUtcNow().ToUnixTimeSeconds() >= expires)
            return null;
        return (clientId, parts[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
