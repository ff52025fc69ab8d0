using System.Globalization;
using System.Net;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Reliability;

/// <summary>
/// One kind of write people make. <see cref="WriteAsync"/> does one, returning what the portal acknowledged (null if
/// it did not say yes); <see cref="MissingAsync"/> says after the restart which acknowledged ones are not stored.
/// Each feature that writes plugs in here as one more scenario.
/// </summary>
public abstract class CrashScenario
{
    public abstract string Name { get; }

    /// <summary>Runs once before the load (signing in, finding ids).</summary>
    public virtual Task PrepareAsync(PortalProcess portal, CancellationToken ct) => Task.CompletedTask;

    public abstract Task<string?> WriteAsync(PortalProcess portal, int n, CancellationToken ct);

    /// <summary>Anything wrong with this scenario's sessions after the restart (null when fine).</summary>
    public virtual Task<string?> AfterRestartAsync(PortalProcess portal, CancellationToken ct) => Task.FromResult<string?>(null);

    /// <summary>The acknowledged writes that are missing from the database (empty when all are there).</summary>
    public abstract Task<IReadOnlyList<string>> MissingAsync(PortalProcess portal, IReadOnlyCollection<string> acknowledged, CancellationToken ct);
}

/// <summary>Patients registering online: a patient row, a login and a confirmation email in one transaction.</summary>
public sealed class RegistrationScenario : CrashScenario
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    public override string Name => "registration";

    public override async Task<string?> WriteAsync(PortalProcess portal, int n, CancellationToken ct)
    {
        var email = $"crash-{_run}-{n}@example.test";
        var browser = portal.NewBrowser();
        using var response = await browser.SubmitAsync("/account/register", "/account/register",
        [
            new("FirstName", "Crash"), new("LastName", "Tester"), new("DateOfBirth", "1984-05-17"),
            new("Email", email), new("Phone", "555-010-4477"), new("PreferredLanguage", "en"),
            new("Password", "correct horse battery staple"), new("ConfirmPassword", "correct horse battery staple"),
        ], ct);
        return response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location?.OriginalString.Contains("registerconfirmation", StringComparison.Ordinal) == true ? email : null;
    }

    public override async Task<IReadOnlyList<string>> MissingAsync(PortalProcess portal, IReadOnlyCollection<string> acknowledged, CancellationToken ct)
    {
        var missing = new List<string>();
        foreach (var email in acknowledged)
        {
            var patients = await portal.ScalarAsync($"SELECT COUNT(*) FROM \"Patients\" WHERE \"Email\" = '{email}'", ct);
            var emails = await portal.ScalarAsync($"SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"To\" = '{email}'", ct);
            if (patients != 1 || emails != 1)
                missing.Add($"{email}: {patients} patient rows, {emails} confirmation emails queued");
        }
        return missing;
    }
}

/// <summary>The front desk booking callers into the first free times (appointment, time cells and email together).</summary>
public sealed class FrontDeskBookingScenario : CrashScenario
{
    private Browser? _desk;
    private long[] _patients = [];
    private long _serviceId;

    public override string Name => "front-desk booking";

    public override async Task PrepareAsync(PortalProcess portal, CancellationToken ct)
    {
        _desk = portal.NewBrowser();
        await _desk.SignInAsync("frontdesk@demo.test", ct);
        _serviceId = await portal.ScalarAsync("SELECT MIN(\"Id\") FROM \"ClinicServices\" WHERE \"IsActive\" = TRUE", ct);
        await using var db = portal.OpenDatabase();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT \"Id\" FROM \"Patients\" ORDER BY \"Id\" LIMIT 40";
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            ids.Add(reader.GetInt64(0));
        _patients = [.. ids];
    }

    public override async Task<string?> WriteAsync(PortalProcess portal, int n, CancellationToken ct)
    {
        var patient = _patients[n % _patients.Length];
        var page = await _desk!.GetPageAsync($"/frontdesk/patients/{patient}?serviceId={_serviceId}", ct);
        var slots = Appointments.DeskTimes.On(page, patient);
        if (slots.Count == 0)
            return null;
        var slot = slots[(n * 7) % slots.Count]; // spread the workers over the free times
        using var response = await Appointments.DeskTimes.PressAndConfirmAsync(_desk, slot, ct);
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        return response.StatusCode == HttpStatusCode.Redirect && location.EndsWith("/booked", StringComparison.Ordinal)
            ? location.Split('/')[3]
            : null;
    }

    /// <summary>The desk's sign-in from before the crash still works: the Data Protection keys live in the database.</summary>
    public override async Task<string?> AfterRestartAsync(PortalProcess portal, CancellationToken ct)
    {
        using var response = await _desk!.Client.GetAsync("/frontdesk", ct);
        return response.StatusCode == HttpStatusCode.OK ? null : $"the front desk's sign-in did not survive the restart ({(int)response.StatusCode} {response.Headers.Location})";
    }

    public override async Task<IReadOnlyList<string>> MissingAsync(PortalProcess portal, IReadOnlyCollection<string> acknowledged, CancellationToken ct)
    {
        var missing = new List<string>();
        foreach (var id in acknowledged)
        {
            if (await portal.ScalarAsync($"SELECT COUNT(*) FROM \"Appointments\" WHERE \"Id\" = {long.Parse(id, CultureInfo.InvariantCulture)}", ct) != 1)
                missing.Add($"appointment {id}");
        }
        return missing;
    }
}

/// <summary>
/// The front desk logging complaints for callers without an account: the complaint, its reference (a counter row
/// every intake updates) and the acknowledgement email in one transaction.
/// </summary>
public sealed class ComplaintIntakeScenario : CrashScenario
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private Browser? _desk;
    private long _categoryId;

    public override string Name => "complaint intake";

    public override async Task PrepareAsync(PortalProcess portal, CancellationToken ct)
    {
        _desk = portal.NewBrowser();
        await _desk.SignInAsync("frontdesk@demo.test", ct);
        _categoryId = await portal.ScalarAsync("SELECT MIN(\"Id\") FROM \"ComplaintCategories\"", ct);
    }

    public override async Task<string?> WriteAsync(PortalProcess portal, int n, CancellationToken ct)
    {
        var email = $"complainant-{_run}-{n}@example.test";
        using var response = await _desk!.SubmitAsync("/complaints/new", "/complaints/new",
        [
            new("ComplainantName", "Crash Caller"), new("ComplainantEmail", email), new("CategoryId", _categoryId.ToString(CultureInfo.InvariantCulture)),
            new("Severity", "Low"), new("WhatHappened", "The phone line was engaged all morning."),
        ], ct);
        return response.StatusCode == HttpStatusCode.Redirect ? email : null;
    }

    public override async Task<IReadOnlyList<string>> MissingAsync(PortalProcess portal, IReadOnlyCollection<string> acknowledged, CancellationToken ct)
    {
        var missing = new List<string>();
        foreach (var email in acknowledged)
        {
            var complaints = await portal.ScalarAsync($"SELECT COUNT(*) FROM \"Complaints\" WHERE \"ComplainantEmail\" = '{email}'", ct);
            var emails = await portal.ScalarAsync($"SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"To\" = '{email}'", ct);
            if (complaints != 1 || emails != 1)
                missing.Add($"{email}: {complaints} complaints, {emails} acknowledgements queued");
        }
        // References stay unique whatever was cut off mid-write.
        var duplicates = await portal.ScalarAsync("SELECT COUNT(*) - COUNT(DISTINCT \"Reference\") FROM \"Complaints\"", ct);
        if (duplicates != 0)
            missing.Add($"{duplicates} duplicate complaint references");
        return missing;
    }
}

/// <summary>
/// Nothing acknowledged is lost: the portal runs as a real process under concurrent writes, is killed with SIGKILL
/// mid-load, and restarted on the same database and mail folder. Every write that got a success answer must be
/// stored, and every queued email must end up delivered exactly once (the outbox resends what was not marked sent;
/// the pickup file is named by outbox id, so a resend replaces rather than duplicates).
/// </summary>
public class CrashTests
{
    private static CrashScenario[] Scenarios() => [new RegistrationScenario(), new FrontDeskBookingScenario(), new ComplaintIntakeScenario(), new SurveyAnswerScenario()];

    [Fact]
    public async Task WritesAcknowledgedBeforeASigkillSurviveAndEveryEmailGoesOutOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var portal = new PortalProcess();
        await portal.StartAsync(ct);
        var scenarios = Scenarios();
        foreach (var scenario in scenarios)
            await scenario.PrepareAsync(portal, ct);

        await using var load = new WriteLoad(portal, scenarios, 6, ct);
        // Let the load run until each kind of write has succeeded a few times, then pull the plug mid-load.
        await load.WaitUntilEachAsync(4, TimeSpan.FromSeconds(45), ct);
        await portal.KillAsync();
        await load.StopAsync();
        var acknowledged = load.Acknowledged;
        foreach (var scenario in scenarios)
            Assert.False(acknowledged[scenario].IsEmpty, $"Only {acknowledged[scenario].Count} {scenario.Name} writes succeeded before the kill:\n{portal.Output}");

        var restart = System.Diagnostics.Stopwatch.StartNew();
        await portal.StartAsync(ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"killed after {string.Join(", ", scenarios.Select(s => $"{acknowledged[s].Count} {s.Name}"))} acknowledged; restart took {restart.ElapsedMilliseconds} ms");

        foreach (var scenario in scenarios)
        {
            var missing = await scenario.MissingAsync(portal, [.. acknowledged[scenario]], ct);
            Assert.True(missing.Count == 0, $"{scenario.Name}: acknowledged but lost after the crash:\n{string.Join("\n", missing)}");
            Assert.Null(await scenario.AfterRestartAsync(portal, ct));
        }

        // The dispatcher, running again, sends whatever the crash left unsent.
        var sendBy = DateTime.UtcNow.AddSeconds(30);
        while (await portal.ScalarAsync("SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"SentAtUtc\" IS NULL AND \"FailedAtUtc\" IS NULL", ct) > 0 && DateTime.UtcNow < sendBy)
            await Task.Delay(250, ct);
        Assert.Equal(0, await portal.ScalarAsync("SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"SentAtUtc\" IS NULL", ct));

        var queued = await portal.ScalarAsync("SELECT COUNT(*) FROM \"OutboxMessages\"", ct);
        var maxId = await portal.ScalarAsync("SELECT MAX(\"Id\") FROM \"OutboxMessages\"", ct);
        var files = Directory.GetFiles(portal.MailDirectory, "*.eml");
        var perMessage = files.GroupBy(f => long.Parse(Path.GetFileNameWithoutExtension(f).Split('-')[1], CultureInfo.InvariantCulture)).ToList();
        Assert.True(queued >= acknowledged.Values.Sum(a => a.Count) / 2, $"Only {queued} emails were queued.");
        Assert.Equal(queued, files.Length);
        Assert.All(perMessage, g => Assert.Single(g));
        Assert.All(perMessage, g => Assert.InRange(g.Key, 1, maxId));
    }
}
