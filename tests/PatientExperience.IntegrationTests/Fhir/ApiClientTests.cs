using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Auditing;
using PatientExperience.IntegrationTests.Infrastructure;
using Task = System.Threading.Tasks.Task;

namespace PatientExperience.IntegrationTests.Fhir;

/// <summary>
/// System logins: an admin registers a client on /admin/api-clients and sees its secret once; the client-credentials
/// grant at /fhir/auth/token answers as RFC 6749 says; scopes limit what a token reads; revoking stops tokens at once.
/// </summary>
public class ApiClientTests(FhirFactory factory) : IClassFixture<FhirFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Browser> AdminAsync()
    {
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", Ct);
        return admin;
    }

    /// <summary>Registers a client through the admin page; returns its id and the secret the page showed.</summary>
    private static async Task<(string ClientId, string Secret, string CreatedUrl)> RegisterAsync(Browser admin, string name, params string[] scopes)
    {
        using var response = await admin.SubmitAsync("/admin/api-clients/new", "/admin/api-clients/new",
            [new("Name", name), .. scopes.Select(s => new KeyValuePair<string, string>("Scopes", s)), new("ExpiresOn", "2027-06-30")], Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var created = response.Headers.Location!.OriginalString;
        var page = await admin.GetPageAsync(created, Ct);
        return (page.QuerySelector("#client-id")!.TextContent, page.QuerySelector("#client-secret")!.TextContent, created);
    }

    [Fact]
    public async Task AdminRegistersAClientAndSeesItsSecretOnlyOnce()
    {
        var admin = await AdminAsync();
        var (clientId, secret, created) = await RegisterAsync(admin, "Riverside EHR", "system/Practitioner.read", "system/Slot.read");

        // Shown once: the same page again has no secret, and says so.
        var again = await admin.GetPageAsync(created, Ct);
        Assert.Null(again.QuerySelector("#client-secret"));
        Assert.DoesNotContain(secret, again.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The secret was shown once and cannot be shown again.", again.MainText());

        var list = await admin.GetPageAsync("/admin/api-clients", Ct);
        var row = list.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Riverside EHR", StringComparison.Ordinal));
        Assert.Contains(clientId, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("system/Practitioner.read, system/Slot.read", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Active", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list.Body!.TextContent, StringComparison.Ordinal);

        // The database keeps a hash, never the secret; the registration is audited.
        var stored = await factory.WithDbAsync(db => db.ApiClients.AsNoTracking().SingleAsync(c => c.ClientId == clientId, Ct));
        Assert.NotEqual(secret, stored.SecretHash);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ApiClient" && a.EntityId == clientId && a.Action == AuditAction.Create, Ct)));

        // The secret works, and the token carries the client's scopes.
        var (status, body, _) = await FhirApi.PostTokenAsync(factory.CreateBrowser(),
            [new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret)], Ct);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("system/Practitioner.read system/Slot.read", body.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task RegistrationExplainsWhatIsMissing()
    {
        var admin = await AdminAsync();
        var before = await factory.WithDbAsync(db => db.ApiClients.CountAsync(Ct));
        using var response = await admin.SubmitAsync("/admin/api-clients/new", "/admin/api-clients/new",
            [new("Name", " "), new("ExpiresOn", "2020-01-01")], Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ReadAsync(response, Ct);
        Assert.Equal("Enter a name for the client.", page.FieldError("Name"));
        Assert.Equal("The expiry date must be after today.", page.FieldError("ExpiresOn"));
        Assert.Contains("Choose at least one scope.", page.MainText());
        Assert.Equal(before, await factory.WithDbAsync(db => db.ApiClients.CountAsync(Ct)));
    }

    [Fact]
    public async Task TokenGrantFollowsRfc6749()
    {
        var client = factory.CreateBrowser();
        List<KeyValuePair<string, string>> good = [new("grant_type", "client_credentials"), new("client_id", FhirApi.DemoClient), new("client_secret", PortalFactory.DemoPassword)];

        var (status, body, response) = await FhirApi.PostTokenAsync(client, good, Ct);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(900, body.GetProperty("expires_in").GetInt32());
        Assert.Contains("system/*.read", body.GetProperty("scope").GetString()!.Split(' '));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var demoId = await factory.WithDbAsync(db => db.ApiClients.Where(c => c.ClientId == FhirApi.DemoClient).Select(c => c.Id).SingleAsync(Ct));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ApiClientId == demoId && a.Action == AuditAction.TokenIssued, Ct)));

        // HTTP Basic works too.
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FhirApi.DemoClient}:{PortalFactory.DemoPassword}")));
        Assert.Equal(HttpStatusCode.OK, (await FhirApi.PostTokenAsync(client, [new("grant_type", "client_credentials")], Ct, basic)).Status);

        async Task Refused(HttpStatusCode expected, string error, IEnumerable<KeyValuePair<string, string>> form)
        {
            var (s, b, r) = await FhirApi.PostTokenAsync(client, form, Ct);
            Assert.Equal(expected, s);
            Assert.Equal(error, b.GetProperty("error").GetString());
            Assert.False(string.IsNullOrEmpty(b.GetProperty("error_description").GetString()));
            if (expected == HttpStatusCode.Unauthorized)
                Assert.NotEmpty(r.Headers.WwwAuthenticate);
        }
        await Refused(HttpStatusCode.Unauthorized, "invalid_client", [good[0], good[1], new("client_secret", "Demo!Passw0rd2025")]);
        await Refused(HttpStatusCode.Unauthorized, "invalid_client", [good[0], good[1], new("client_secret", PortalFactory.DemoPassword.ToUpperInvariant())]);
        await Refused(HttpStatusCode.Unauthorized, "invalid_client", [good[0], new("client_id", "nobody"), good[2]]);
        await Refused(HttpStatusCode.Unauthorized, "invalid_client", [good[0]]);
        await Refused(HttpStatusCode.BadRequest, "unsupported_grant_type", [new("grant_type", "password"), good[1], good[2]]);
        await Refused(HttpStatusCode.BadRequest, "invalid_request", [good[1], good[2]]);
        await Refused(HttpStatusCode.BadRequest, "invalid_scope", [.. good, new("scope", "system/Observation.read")]);
        await Refused(HttpStatusCode.BadRequest, "invalid_scope", [.. good, new("scope", "patient/*.read")]);

        // An expired client gets no token.
        await SetDemoExpiryAsync(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        try
        {
            await Refused(HttpStatusCode.Unauthorized, "invalid_client", good);
        }
        finally
        {
            await SetDemoExpiryAsync(new DateTime(2027, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        }
    }

    private Task<int> SetDemoExpiryAsync(DateTime expiresAtUtc) =>
        factory.WithDbAsync(db => db.ApiClients.Where(c => c.ClientId == FhirApi.DemoClient).ExecuteUpdateAsync(u => u.SetProperty(c => c.ExpiresAtUtc, expiresAtUtc), Ct));

    [Fact]
    public async Task AScopeLimitsWhatATokenReads()
    {
        var admin = await AdminAsync();
        var (clientId, secret, _) = await RegisterAsync(admin, "Directory sync", "system/Practitioner.read");
        var client = factory.CreateBrowser();
        var token = await FhirApi.TokenAsync(client, Ct, clientId, secret);

        Assert.Equal(HttpStatusCode.OK, (await FhirApi.GetAsync(client, "/fhir/Practitioner", token, Ct)).Status);
        var slots = await FhirApi.GetAsync(client, "/fhir/Slot?schedule=1", token, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, slots.Status);
        Assert.Equal(OperationOutcome.IssueType.Forbidden, slots.As<OperationOutcome>().Issue.Single().Code);
        Assert.Contains("system/Slot.read", slots.Diagnostics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await FhirApi.GetAsync(client, "/fhir/Location/1", token, Ct)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await FhirApi.GetAsync(client, "/fhir/Patient/1", token, Ct)).Status);

        // A scope the client has not got cannot be asked for.
        var (status, body, _) = await FhirApi.PostTokenAsync(client,
            [new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret), new("scope", "system/Slot.read")], Ct);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_scope", body.GetProperty("error").GetString());

        // The demo client asking for less gets less.
        var narrow = await FhirApi.TokenAsync(client, Ct, scope: "system/Practitioner.read");
        Assert.Equal(HttpStatusCode.Forbidden, (await FhirApi.GetAsync(client, "/fhir/Slot?schedule=1", narrow, Ct)).Status);
    }

    [Fact]
    public async Task NoTokenABadTokenOrAnExpiredTokenIs401()
    {
        var client = factory.CreateBrowser();
        var none = await FhirApi.GetAsync(client, "/fhir/Practitioner", null, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, none.Status);
        Assert.Equal(OperationOutcome.IssueType.Login, none.As<OperationOutcome>().Issue.Single().Code);
        Assert.Contains("Bearer", none.Response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await FhirApi.GetAsync(client, "/fhir/Practitioner", "not-a-token", Ct)).Status);

        var token = await FhirApi.TokenAsync(client, Ct);
        Assert.Equal(HttpStatusCode.OK, (await FhirApi.GetAsync(client, "/fhir/Practitioner", token, Ct)).Status);
        factory.Time.Advance(TimeSpan.FromMinutes(15));
        var expired = await FhirApi.GetAsync(client, "/fhir/Practitioner", token, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Contains("expired", expired.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokingAClientStopsItsTokensAtOnce()
    {
        var admin = await AdminAsync();
        var (clientId, secret, _) = await RegisterAsync(admin, "Call centre", "system/*.read");
        var client = factory.CreateBrowser();
        var token = await FhirApi.TokenAsync(client, Ct, clientId, secret);
        Assert.Equal(HttpStatusCode.OK, (await FhirApi.GetAsync(client, "/fhir/Schedule", token, Ct)).Status);

        var id = await factory.WithDbAsync(db => db.ApiClients.Where(c => c.ClientId == clientId).Select(c => c.Id).SingleAsync(Ct));
        using var revoked = await admin.SubmitAsync("/admin/api-clients", $"/admin/api-clients/{id}/revoke", [], Ct);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var list = await admin.GetPageAsync("/admin/api-clients", Ct);
        Assert.Contains("Client revoked. Its tokens stop working now.", list.MainText());
        Assert.Contains("Revoked", list.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(clientId, StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await FhirApi.GetAsync(client, "/fhir/Schedule", token, Ct)).Status);
        var (status, body, _) = await FhirApi.PostTokenAsync(client,
            [new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret)], Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == clientId && a.Action == AuditAction.Deactivate, Ct)));
    }
}
