using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Staff;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.Web.Configurations;

namespace PatientExperience.IntegrationTests.Security;

/// <summary>
/// Every controller action in the app, checked against who may use it. A new action without a row
/// here fails the first test, so nobody ships a page without deciding who may see it.
/// </summary>
public class AuthorizationMatrixTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Anyone = "anyone";

    /// <summary>Controller (or Controller.Action) → the policy it must demand, or <see cref="Anyone"/>.</summary>
    private static readonly Dictionary<string, string> Matrix = new()
    {
        ["Home"] = Anyone,
        ["Account"] = Anyone,
        ["Session"] = Anyone, // the idle warning's status check and "Stay signed in": a signed-out caller is told so
        ["AccountSecurity"] = Policies.Staff, // a staff member's own authenticator app and recovery codes
        ["My"] = Policies.Patient,
        ["MyDetails"] = Policies.Patient,
        ["Appointments"] = Policies.Patient,
        ["Waitlist"] = Policies.Patient,
        ["Waitlist.Offer"] = Anyone, // the one-time link is the key
        ["Waitlist.Accept"] = Anyone,
        ["FrontDesk"] = Policies.FrontDesk,
        ["Clinician"] = Policies.Clinician,
        ["Manager"] = Policies.Manager,
        ["Dashboard"] = Policies.Manager,
        ["Patients"] = Policies.Staff,
        ["Flow"] = Policies.Staff, // the flow board and its live event stream
        ["CheckIn"] = Anyone, // "I'm here" from the patient's phone: the one-time link is the key
        ["TextLinks"] = Anyone, // the short links in texts (/o/, /c/, /s/): the token is the key, each sends on to its page
        ["Admin"] = Policies.Admin,
        ["Departments"] = Policies.Admin,
        ["Sites"] = Policies.Admin, // the group's sites: address, phone, time zone
        ["Translations"] = Policies.Admin,
        ["Services"] = Policies.Admin,
        ["Staff"] = Policies.Admin,
        ["Survey"] = Anyone, // the one-time link is the key
        ["Survey.Mine"] = Policies.Patient,
        ["Survey.SubmitMine"] = Policies.Patient,
        ["SurveyResponses"] = Policies.Manager,
        ["SurveyLexicon"] = Policies.Manager,
        ["Praise"] = Policies.Manager, // praise from survey comments, passed on (or not) by a manager
        ["Questionnaires"] = Policies.Manager,
        ["Audit"] = Policies.Admin, // the audit trail: who looked at which patient
        ["ApiClients"] = Policies.Admin, // system logins for the FHIR API
        // The FHIR API: no cookie policy; a bearer token with the right scope decides (Fhir/ApiClientTests), and the token
        // endpoint checks the client's secret. /fhir/metadata is open by design.
        ["Fhir"] = Anyone,
        ["FhirAuth"] = Anyone,
        // The SMS gateway's calls (patients' texts, delivery reports): no cookie; the shared secret decides
        // (Sms/TextReplyTests: missing or wrong secret 401; none configured 404, as in this test's portal).
        ["SmsGateway"] = Anyone,
        ["Complaints"] = ComplaintPolicies.Desk, // log, view, first-contact resolution, notes, letters, queues, CSV
        ["Complaints.Acknowledge"] = Policies.Manager,
        ["Complaints.Assign"] = Policies.Manager,
        ["Complaints.Investigate"] = Policies.Manager,
        ["Complaints.Await"] = Policies.Manager,
        ["Complaints.Message"] = Policies.Manager,
        ["Complaints.Close"] = Policies.Manager,
        ["Complaints.Reopen"] = Policies.Manager,
        ["Complaints.Agree"] = Policies.Manager,
        ["Complaints.Outcome"] = Policies.Manager,
        ["Complaints.Escalate"] = Policies.Manager,
        ["Complaints.Respond"] = Policies.Manager,
        ["ComplaintPortal"] = Policies.Patient,
        ["ComplaintSettings"] = Policies.Admin,
    };

    /// <summary>Which policies each demo account satisfies (from the policy definitions in WebServices).</summary>
    private static readonly Dictionary<string, string[]> Accounts = new()
    {
        ["patient@demo.test"] = [Policies.Patient],
        ["frontdesk@demo.test"] = [Policies.Staff, Policies.FrontDesk, ComplaintPolicies.Desk],
        ["clinician@demo.test"] = [Policies.Staff, Policies.Clinician],
        ["manager@demo.test"] = [Policies.Staff, Policies.FrontDesk, Policies.Manager, ComplaintPolicies.Desk],
        ["admin@demo.test"] = [Policies.Staff, Policies.Manager, Policies.Admin, ComplaintPolicies.Desk],
    };

    private sealed record ActionInfo(string Key, string Controller, string Pattern, string[] Methods, string Required);

    private List<ActionInfo> Actions()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var actions = new List<ActionInfo>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not { } action)
                continue;
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).Distinct().ToList();
            var required = anonymous || policies.Count == 0 ? Anyone : string.Join("+", policies);
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToArray() ?? ["GET"];
            actions.Add(new ActionInfo($"{action.ControllerName}.{action.ActionName}", action.ControllerName, endpoint.RoutePattern.RawText ?? "", methods, required));
        }
        return actions;
    }

    private static string Expected(ActionInfo action) =>
        Matrix.TryGetValue(action.Key, out var exact) ? exact
        : Matrix.TryGetValue(action.Controller, out var byController) ? byController
        : throw new InvalidOperationException($"No row for {action.Key} ({string.Join(",", action.Methods)} /{action.Pattern}): add it to the matrix.");

    [Fact]
    public void EveryActionDemandsThePolicyInTheMatrix()
    {
        var actions = Actions();
        Assert.True(actions.Count > 40, $"Only {actions.Count} actions found: is endpoint discovery broken?");
        var wrong = actions.Where(a => Expected(a) != a.Required)
            .Select(a => $"{a.Key}: demands {a.Required}, matrix says {Expected(a)}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    public static TheoryData<string> Who => new() { "anonymous", "patient@demo.test", "frontdesk@demo.test", "clinician@demo.test", "manager@demo.test", "admin@demo.test" };

    [Theory]
    [MemberData(nameof(Who))]
    public async Task EveryPageLetsInExactlyWhoTheMatrixSays(string who)
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        if (who != "anonymous")
            await browser.SignInAsync(who, ct);
        var allowed = who == "anonymous" ? [] : Accounts[who];
        var failures = new List<string>();

        foreach (var action in Actions().Where(a => a.Methods.Contains("GET")))
        {
            var url = "/" + action.Pattern
                .Replace("{id:int}", "1", StringComparison.Ordinal).Replace("{code:int}", "404", StringComparison.Ordinal)
                .Replace("{token}", "not-a-real-token", StringComparison.Ordinal).Replace("{step}", "inroom", StringComparison.Ordinal)
                .Replace("{controller=Home}/{action=Index}/{id?}", "", StringComparison.Ordinal);
            if (url.Contains('{', StringComparison.Ordinal))
                continue; // the conventional route: covered by the attribute routes above
            if (action.Key == "Account.Logout")
                continue; // GET is not offered for sign-out
            using var response = await browser.Client.GetAsync(url, ct);
            var location = response.Headers.Location?.OriginalString ?? "";
            var refused = response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/account/login", StringComparison.Ordinal) || location.Contains("/account/accessdenied", StringComparison.Ordinal)));
            var expected = Expected(action);
            var shouldPass = expected == Anyone || allowed.Contains(expected);
            if ((int)response.StatusCode >= 500)
                failures.Add($"{url}: {(int)response.StatusCode}");
            else if (shouldPass == refused && !(expected == Anyone && action.Controller == "Account"))
                failures.Add($"{url}: expected {(shouldPass ? "allowed" : "refused")}, got {(int)response.StatusCode} {location}");
        }
        Assert.True(failures.Count == 0, $"As {who}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryPostWithoutAnAntiforgeryTokenIsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        // Sign in as someone the action lets in, so what refuses the post is the missing token, not the role.
        var browsers = new Dictionary<string, Browser>();
        foreach (var account in Accounts.Keys)
        {
            browsers[account] = new Browser(factory.CreateBrowser());
            await browsers[account].SignInAsync(account, ct);
        }
        var posts = Actions().Where(a => a.Methods.Contains("POST")).ToList();
        Assert.True(posts.Count > 15, $"Only {posts.Count} POST actions found.");
        var failures = new List<string>();
        foreach (var action in posts)
        {
            var url = action.Pattern.Contains("{controller", StringComparison.Ordinal)
                ? "/" + action.Key.Replace('.', '/').ToLowerInvariant() // conventional route: /account/login
                : "/" + action.Pattern.Replace("{id:int}", "1", StringComparison.Ordinal)
                    .Replace("{token}", "not-a-real-token", StringComparison.Ordinal).Replace("{step}", "inroom", StringComparison.Ordinal);
            using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("reason", "no token")]);
            var expected = Expected(action);
            var browser = browsers[expected == Anyone ? "patient@demo.test" : Accounts.First(a => a.Value.Contains(expected)).Key];
            using var response = await browser.Client.PostAsync(url, content, ct);
            // The FHIR API never reads the cookie: without a bearer token a write is refused before anything else.
            var bearerOnly = action.Key.StartsWith("Fhir.", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.Unauthorized;
            if (response.StatusCode != HttpStatusCode.BadRequest && !bearerOnly)
                failures.Add($"POST {url}: {(int)response.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
