using System.Net;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatientExperience.IntegrationTests.Infrastructure;
using Task = System.Threading.Tasks.Task;

namespace PatientExperience.IntegrationTests.Fhir;

/// <summary>
/// The FHIR limits lowered so the test reaches them quickly, and the clock stopped: the limits count per clock minute,
/// so on a slow machine a real clock could start a new minute between the requests and let the last one through.
/// </summary>
public sealed class FhirRateLimitedFactory : PortalFactory
{
    public FakeTimeProvider Time { get; } = new(Appointments.BookingFactory.Monday8amNewYork);

    protected override bool RateLimited => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Fhir:TokenPerMinute"] = "3",
        ["Fhir:ApiPerMinute"] = "4",
    };
}

/// <summary>The token endpoint and the API are limited per client address like the pages, and say so as FHIR.</summary>
public class FhirRateLimitTests(FhirRateLimitedFactory factory) : IClassFixture<FhirRateLimitedFactory>
{
    [Fact]
    public async Task TooManyTokenRequestsOrReadsAreRefusedWithAnOperationOutcome()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.CreateBrowser();
        for (var i = 0; i < 3; i++)
            await FhirApi.TokenAsync(client, ct);
        var refused = await FhirApi.ReadAsync(await client.PostAsync("/fhir/auth/token", new FormUrlEncodedContent(
            [new("grant_type", "client_credentials"), new("client_id", FhirApi.DemoClient), new("client_secret", PortalFactory.DemoPassword)]), ct), ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(OperationOutcome.IssueType.Throttled, refused.As<OperationOutcome>().Issue.Single().Code);

        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.OK, (await FhirApi.GetAsync(client, "/fhir/metadata", null, ct)).Status);
        var limited = await FhirApi.GetAsync(client, "/fhir/metadata", null, ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Contains("Wait a minute and try again.", limited.Diagnostics, StringComparison.Ordinal);
    }
}
