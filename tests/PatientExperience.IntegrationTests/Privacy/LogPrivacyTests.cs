using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Infrastructure.Email;
using PatientExperience.IntegrationTests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace PatientExperience.IntegrationTests.Privacy;

/// <summary>Every log event the portal writes, message and properties rendered as text.</summary>
public sealed class CapturingSink : ILogEventSink
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        Lines.Enqueue($"{logEvent.RenderMessage()} {properties} {logEvent.Exception}");
    }
}

public sealed class CapturingFactory : PortalFactory
{
    public CapturingSink Sink { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Sink));
    }
}

public class LogPrivacyTests(CapturingFactory factory) : IClassFixture<CapturingFactory>
{
    [Fact]
    public async Task MainFlowsWriteNoNameEmailPhoneOrBirthDateToTheLogs()
    {
        var ct = TestContext.Current.CancellationToken;
        string[] markers = ["Quillonmarker", "Zephyrmarker", "quillon.marker@example.com", "555 013 9472", "5550139472", "1977-09-13"];

        var patient = new Browser(factory.CreateBrowser());
        using var registered = await patient.SubmitAsync("/account/register", "/account/register",
        [
            new("FirstName", "Quillonmarker"), new("LastName", "Zephyrmarker"), new("DateOfBirth", "1977-09-13"),
            new("Email", "quillon.marker@example.com"), new("Phone", "555 013 9472"), new("PreferredLanguage", "en"),
            new("Password", "a long enough password"), new("ConfirmPassword", "a long enough password"),
        ], ct);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var mail = Assert.Single(await factory.MessagesToAsync("quillon.marker@example.com", ct));
        await patient.GetPageAsync(OutboxReader.LinkIn(mail), ct);
        using var wrong = await patient.LoginAsync("quillon.marker@example.com", "wrong password here", ct);
        await patient.SignInAsync("quillon.marker@example.com", ct, "a long enough password");
        await patient.GetPageAsync("/my", ct);

        var frontDesk = new Browser(factory.CreateBrowser());
        await frontDesk.SignInAsync("frontdesk@demo.test", ct);
        await frontDesk.GetPageAsync("/patients?q=Zephyrmarker", ct);
        await frontDesk.GetPageAsync("/patients?q=" + Uri.EscapeDataString("555 013 9472"), ct);
        await frontDesk.GetPageAsync("/patients?q=1977-09-13", ct);
        var id = await factory.WithDbAsync(db => db.Patients.Where(p => p.LastName == "Zephyrmarker").Select(p => p.Id).FirstAsync(ct));
        await frontDesk.GetPageAsync($"/patients/{id}", ct);

        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessDueAsync(ct);

        var lines = factory.Sink.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains("/patients/", StringComparison.Ordinal)); // the sink did see the flows
        foreach (var marker in markers)
            Assert.DoesNotContain(lines, l => l.Contains(marker, StringComparison.OrdinalIgnoreCase));
    }
}
