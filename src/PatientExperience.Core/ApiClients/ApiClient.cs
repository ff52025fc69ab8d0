using System.Security.Cryptography;
using System.Text;

namespace PatientExperience.Core.ApiClients;

/// <summary>
/// A system login for the FHIR API (an EHR, call-centre software, a warehouse). It signs in with the OAuth 2.0
/// client-credentials grant: <see cref="ClientId"/> and a secret whose SHA-256 hash alone is kept.
/// Revoking takes effect at once: every request with one of its tokens reads this row.
/// </summary>
public class ApiClient : AuditableEntity
{
    public const int ClientIdLength = 64;
    public const int ScopesLength = 1000;
    public const int SecretHashLength = 64;

    private ApiClient() { }

    public ApiClient(string clientId, string name, IEnumerable<string> scopes, string secret, DateTime expiresAtUtc)
    {
        ClientId = clientId;
        Name = name.Trim();
        Scopes = string.Join(' ', scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        SecretHash = HashSecret(secret);
        ExpiresAtUtc = expiresAtUtc;
    }

    /// <summary>The public name it signs in with (the <c>client_id</c>).</summary>
    public string ClientId { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    /// <summary>SMART scopes it may ask for, separated by spaces (see <see cref="ApiScopes"/>).</summary>
    public string Scopes { get; private set; } = string.Empty;
    public string SecretHash { get; private set; } = string.Empty;
    public DateTime ExpiresAtUtc { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether it may sign in or use a token at <paramref name="nowUtc"/>.</summary>
    public bool IsUsable(DateTime nowUtc) => RevokedAtUtc is null && nowUtc < ExpiresAtUtc;

    public void Revoke(DateTime nowUtc) => RevokedAtUtc ??= nowUtc;

    /// <summary>Whether <paramref name="secret"/> is this client's secret (compared in fixed time).</summary>
    public bool HasSecret(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashSecret(secret)), Encoding.ASCII.GetBytes(SecretHash));

    /// <summary>
    /// Upper-case hex SHA-256 of the secret, case kept. A plain hash is enough: generated secrets are 32 random bytes,
    /// so there is nothing to guess from the hash (unlike a person's password).
    /// </summary>
    public static string HashSecret(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
