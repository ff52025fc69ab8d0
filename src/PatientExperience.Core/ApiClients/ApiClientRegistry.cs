using System.Security.Cryptography;
using PatientExperience.Core.Auditing;

namespace PatientExperience.Core.ApiClients;

/// <summary>Registers, lists and revokes API clients (system logins for the FHIR API). Every change is audited.</summary>
public sealed class ApiClientRegistry(IAppDbContext db, AuditTrail audit, ClinicClock clock)
{
    /// <summary>Longest a client may be registered for.</summary>
    public const int MaxYears = 2;

    public async Task<IReadOnlyList<ApiClientRow>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await db.ApiClients.AsNoTracking().OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id).ToListAsync(cancellationToken))
            .Select(c => new ApiClientRow(c.Id, c.ClientId, c.Name, c.ScopeList, c.CreatedAtUtc, c.ExpiresAtUtc, c.RevokedAtUtc))];

    public async Task<Result<RegisteredApiClient>> RegisterAsync(RegisterApiClient request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();
        var name = request.Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
            errors.Add(new(nameof(request.Name), "Enter a name for the client."));
        else if (name.Length > SchemaLimits.NameLength)
            errors.Add(new(nameof(request.Name), $"The name must be {SchemaLimits.NameLength} characters or fewer."));
        var scopes = request.Scopes?.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (scopes.Count == 0)
            errors.Add(new(nameof(request.Scopes), "Choose at least one scope."));
        else if (scopes.Any(s => !ApiScopes.IsKnown(s)))
            errors.Add(new(nameof(request.Scopes), "Choose scopes from the list."));
        var today = clock.Today;
        if (request.ExpiresOn is not { } expiresOn)
            errors.Add(new(nameof(request.ExpiresOn), "Enter the date the client stops working."));
        else if (expiresOn <= today)
            errors.Add(new(nameof(request.ExpiresOn), "The expiry date must be after today."));
        else if (expiresOn > today.AddYears(MaxYears))
            errors.Add(new(nameof(request.ExpiresOn), $"The expiry date must be within {MaxYears} years."));
        if (errors.Count > 0)
            return Result<RegisteredApiClient>.Invalid(errors);

        // The client stops working at the start of its expiry day, clinic time.
        var expiresAtUtc = TimeZoneInfo.ConvertTimeToUtc(request.ExpiresOn!.Value.ToDateTime(TimeOnly.MinValue), clock.Zone);
        var clientId = "pe-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var client = new ApiClient(clientId, name, scopes, secret, expiresAtUtc);
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditAction.Create, nameof(ApiClient), clientId, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result<RegisteredApiClient>.Success(new RegisteredApiClient(client.Id, clientId, client.Name, secret));
    }

    public async Task<Result> RevokeAsync(int id, CancellationToken cancellationToken)
    {
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null)
            return Result.NotFound();
        if (client.RevokedAtUtc is not null)
            return Result.Success();
        client.Revoke(clock.UtcNow);
        await audit.RecordAsync(AuditAction.Deactivate, nameof(ApiClient), client.ClientId, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>The client with this id and secret if it may sign in now; null otherwise (unknown, wrong secret, revoked, expired).</summary>
    public async Task<ApiClient?> SignInAsync(string? clientId, string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(clientId) || clientId.Length > ApiClient.ClientIdLength || string.IsNullOrEmpty(secret) || secret.Length > 200)
            return null;
        var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        return client is not null && client.HasSecret(secret) && client.IsUsable(clock.UtcNow) ? client : null;
    }

    /// <summary>The client behind a token, if it may still act now (not revoked, not expired).</summary>
    public async Task<ApiClient?> UsableAsync(int id, CancellationToken cancellationToken)
    {
        var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return client is not null && client.IsUsable(clock.UtcNow) ? client : null;
    }

    /// <summary>Audits a token given to the client (saved at once).</summary>
    public async Task RecordTokenIssuedAsync(ApiClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        audit.RecordApiClient(client.Id, AuditAction.TokenIssued, nameof(ApiClient), client.ClientId, null);
        await db.SaveChangesAsync(cancellationToken);
    }
}
