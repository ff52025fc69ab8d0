using System.Diagnostics;
using System.Globalization;
using System.Net;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.IntegrationTests.Reliability;

namespace PatientExperience.IntegrationTests.Cluster;

/// <summary>
/// The guarantees the portal makes, proven on three instances behind nginx on one PostgreSQL database
/// (<see cref="Cluster"/>): whichever instance serves a request, and whichever runs a job.
/// </summary>
public class ClusterTests(Cluster cluster) : IClassFixture<Cluster>
{
    private static string Instance(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Instance", out var values) ? string.Join(",", values) : "?";

    private static ITestOutputHelper? Output => TestContext.Current.TestOutputHelper;

    [Fact]
    public async Task InstancesStartingTogetherOnAnEmptyDatabaseMigrateAndSeedItOnce()
    {
        cluster.Require();
        var ct = TestContext.Current.CancellationToken;
        Output?.WriteLine($"three instances up together in {cluster.StartTime.TotalSeconds:N1} s");
        // The demo group (Development): its first site with seven departments, and the Chicago site with one.
        Assert.Equal(2, await cluster.ScalarAsync("SELECT COUNT(*) FROM \"Sites\"", ct));
        Assert.Equal(8, await cluster.ScalarAsync("SELECT COUNT(*) FROM \"Departments\"", ct));
        Assert.Equal(1, await cluster.ScalarAsync("SELECT COUNT(*) FROM \"Patients\" WHERE \"Email\" = 'patient@demo.test'", ct));
        Assert.Equal(1, await cluster.ScalarAsync("SELECT COUNT(*) FROM \"AspNetRoles\" WHERE \"NormalizedName\" = 'PATIENT'", ct));
        Assert.Equal(0, await cluster.ScalarAsync("SELECT COUNT(*) - COUNT(DISTINCT \"MigrationId\") FROM \"__EFMigrationsHistory\"", ct));
        using var probe = new HttpClient();
        foreach (var instance in cluster.Instances)
        {
            using var ready = await probe.GetAsync(new Uri(instance.BaseAddress, "/health/ready"), ct);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
    }

    [Fact]
    public async Task ASignInHoldsOnEveryInstanceAndAFormFetchedFromOnePostsToAnother()
    {
        cluster.Require();
        var ct = TestContext.Current.CancellationToken;
        var browser = cluster.NewBrowser();
        // The sign-in form comes from one instance and is posted to the next.
        await browser.SignInAsync("patient@demo.test", ct);

        var served = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await browser.Client.GetAsync("/my", ct);
            // Signed out, /my redirects to the sign-in page.
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /my answered {(int)response.StatusCode} {response.Headers.Location} on {Instance(response)}");
            Assert.Contains("/account/logout", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
            served.Add(Instance(response));
        }
        Assert.True(served.Distinct().Count() == Cluster.Size, $"Not every instance served ({string.Join(" ", served)}): is the balancer sticky?");

        // A form fetched from one instance and posted to another: the antiforgery cookie and token are accepted there.
        var crossed = false;
        for (var attempt = 0; attempt < 4 && !crossed; attempt++)
        {
            using var get = await browser.Client.GetAsync("/my/details", ct);
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            var page = await Browser.ParseAsync(await get.Content.ReadAsStringAsync(ct), ct);
            using var post = await browser.SubmitAsync(page, "/my/details", [], ct);
            Assert.True(post.StatusCode == HttpStatusCode.Redirect, $"POST /my/details (form from {Instance(get)}) answered {(int)post.StatusCode} on {Instance(post)}");
            crossed = Instance(get) != Instance(post);
        }
        Assert.True(crossed, "No form was posted to another instance than the one that served it");
    }

    /// <summary>
    /// 200 receptionists on the phone at once, spread over the three instances, press "Book" on ten times of one
    /// clinician: ten bookings, 190 friendly refusals, no error. Then every instance's reminder sweep (every second) races
    /// for the ten reminders due at once: each patient gets one reminder and every queued email reaches the SMTP server once.
    /// </summary>
    [Fact]
    public async Task TwoHundredClientsRacingForTenTimesBookTenAndEveryEmailIsSentOnce()
    {
        cluster.Require();
        var ct = TestContext.Current.CancellationToken;
        const int Clients = 200, Times = 10;
        var outboxBefore = await cluster.ScalarAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"OutboxMessages\"", ct);
        var service = await cluster.ScalarAsync("SELECT MIN(\"Id\") FROM \"ClinicServices\" WHERE \"Name\" = 'Skin check'", ct);
        var clinician = await cluster.ScalarAsync(
            $"SELECT MIN(m.\"Id\") FROM \"StaffMembers\" m JOIN \"ClinicServices\" s ON s.\"DepartmentId\" = m.\"DepartmentId\" WHERE s.\"Id\" = {service} AND m.\"IsClinician\"", ct);
        var patients = await cluster.ListAsync("SELECT \"Id\" FROM \"Patients\" WHERE \"Email\" IS NOT NULL AND \"ContactByEmail\" AND \"PreferredLanguage\" = 'en' ORDER BY \"Id\" LIMIT 50",
            r => r.GetInt32(0), ct);
        Assert.True(patients.Count >= 20, "Too few demo patients with an email.");

        // Everyone signs in and opens a caller's screen first (a few at a time, as a morning would), then all press at once.
        var desks = new (Browser Browser, AngleSharp.Html.Dom.IHtmlDocument Page, string Book)[Clients];
        using (var gate = new SemaphoreSlim(8))
        {
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(async i =>
            {
                await gate.WaitAsync(ct);
                try
                {
                    var browser = cluster.NewBrowser();
                    await browser.SignInAsync("frontdesk@demo.test", ct);
                    var patient = patients[i % patients.Count];
                    var page = await browser.GetPageAsync($"/frontdesk/patients/{patient}?serviceId={service}&clinician={clinician}", ct);
                    desks[i] = (browser, page, $"/frontdesk/patients/{patient}/book");
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        // Ten times an hour or more apart, so no two of them overlap (the caller screen offers a time every 15 minutes).
        var starts = new List<string>();
        var last = DateTime.MinValue;
        foreach (var start in desks[0].Page.Forms.Where(f => f.GetAttribute("action") == desks[0].Book.Replace("/book", "/check", StringComparison.Ordinal))
                     .Select(f => f.QuerySelector("input[name=start]")!.GetAttribute("value")!))
        {
            var at = DateTime.Parse(start, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            if (starts.Count == Times || at < last.AddHours(1))
                continue;
            starts.Add(start);
            last = at;
        }
        Assert.True(starts.Count == Times, $"The caller screen offered only {starts.Count} times an hour apart.");

        // Each desk reads its time back on the check page first; "Book it" on those pages is what they all press at once.
        var checks = new AngleSharp.Html.Dom.IHtmlDocument[Clients];
        using (var gate = new SemaphoreSlim(8))
        {
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(async i =>
            {
                await gate.WaitAsync(ct);
                try
                {
                    var check = desks[i].Book.Replace("/book", "/check", StringComparison.Ordinal);
                    checks[i] = await desks[i].Browser.GetPageAsync(
                        $"{check}?serviceId={service}&clinicianId={clinician}&start={Uri.EscapeDataString(starts[i % Times])}", ct);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        using var go = new SemaphoreSlim(0);
        var racing = desks.Select(async (desk, i) =>
        {
            await go.WaitAsync(ct);
            var clock = Stopwatch.StartNew();
            using var response = await desk.Browser.SubmitAsync(checks[i], desk.Book, [], ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            return (response.StatusCode, Text: text, Instance: Instance(response), clock.Elapsed);
        }).ToList();
        var race = Stopwatch.StartNew();
        go.Release(Clients);
        var results = await Task.WhenAll(racing);
        race.Stop();

        var waits = results.Select(r => r.Elapsed.TotalMilliseconds).Order().ToList();
        Output?.WriteLine($"race: {results.Length} clients in {race.ElapsedMilliseconds} ms; wait p50 {waits[waits.Count / 2]:N0} ms, p95 {waits[(int)(waits.Count * 0.95)]:N0} ms, max {waits[^1]:N0} ms; " +
            $"served by {string.Join(", ", results.GroupBy(r => r.Instance).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"))}");
        Assert.DoesNotContain(results, r => (int)r.StatusCode >= 500);
        Assert.Equal(Times, results.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        var refused = results.Where(r => r.StatusCode != HttpStatusCode.Redirect).ToList();
        Assert.Equal(Clients - Times, refused.Count);
        Assert.All(refused, r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.True(r.Text.Contains("that time was just taken", StringComparison.Ordinal) || r.Text.Contains("already have an appointment at that time", StringComparison.Ordinal),
                "A refusal did not say why in plain words.");
        });
        Assert.True(results.Select(r => r.Instance).Distinct().Count() == Cluster.Size, "The race did not reach every instance.");
        var booked = await cluster.ListAsync(
            $"SELECT \"Id\" FROM \"Appointments\" WHERE \"ClinicianId\" = {clinician} AND \"Status\" = 'Booked' AND \"CreatedAtUtc\" > now() - interval '10 minutes' AND \"BookedVia\" = 'Phone'",
            r => r.GetInt32(0), ct);
        Assert.Equal(Times, booked.Count);

        // Every instance sweeps reminders and sends the outbox every second: each booking gets one reminder, and each
        // queued email (confirmations and reminders) reaches the SMTP server exactly once.
        var until = DateTime.UtcNow.AddSeconds(60);
        while (await cluster.ScalarAsync($"SELECT COUNT(*) FROM \"Appointments\" WHERE \"Id\" IN ({string.Join(",", booked)}) AND \"ReminderSentAtUtc\" IS NULL", ct) > 0
               && DateTime.UtcNow < until)
            await Task.Delay(250, ct);
        Assert.Equal(0, await cluster.DrainOutboxAsync(TimeSpan.FromSeconds(60), ct));
        var messages = await cluster.ListAsync(
            $"SELECT \"MessageId\", \"Subject\" FROM \"OutboxMessages\" WHERE \"Id\" > {outboxBefore} AND \"SentAtUtc\" IS NOT NULL", r => (Id: r.GetString(0), Subject: r.GetString(1)), ct);
        var subjects = string.Join("; ", messages.GroupBy(m => m.Subject.Split(':')[0]).Select(g => $"{g.Key} x{g.Count()}"));
        Assert.True(messages.Count(m => m.Subject.StartsWith("Reminder: your appointment", StringComparison.Ordinal)) == Times, $"Sent: {subjects}");
        Assert.True(messages.Count(m => m.Subject.StartsWith("Your appointment is booked", StringComparison.Ordinal)) == Times, $"Sent: {subjects}");
        Assert.True(await cluster.Smtp.WaitForAsync(messages[^1].Id, TimeSpan.FromSeconds(10)), "The last email never reached the SMTP server.");
        var received = cluster.Smtp.Received;
        Assert.All(messages, m => Assert.Equal(1, Occurrences(received, "Message-Id: <" + m.Id.Trim('<', '>') + ">")));
    }

    /// <summary>
    /// One instance is killed with SIGKILL in the middle of a booking and complaint load through the balancer: every write
    /// that was acknowledged is stored, the balancer routes around the dead instance, and the emails it had claimed are
    /// sent by another instance once their claim lapses (twenty seconds here): every one at least once, and none twice but
    /// the one the dead instance may have handed to the mail server just before it died.
    /// </summary>
    [Fact]
    public async Task KillingAnInstanceMidLoadLosesNoAcknowledgedWriteAndItsEmailsAreSentByAnother()
    {
        cluster.Require();
        var ct = TestContext.Current.CancellationToken;
        var outboxBefore = await cluster.ScalarAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"OutboxMessages\"", ct);
        var front = cluster.Instances[0];
        front.PublicAddress = cluster.BaseAddress;
        CrashScenario[] scenarios = [new FrontDeskBookingScenario(), new ComplaintIntakeScenario()];
        foreach (var scenario in scenarios)
            await scenario.PrepareAsync(front, ct);

        await using var load = new WriteLoad(front, scenarios, 6, ct);
        var victim = cluster.Instances[1];
        try
        {
            await load.WaitUntilEachAsync(5, TimeSpan.FromSeconds(30), ct);
            await victim.KillAsync();
            var atKill = load.Total;
            // The emails claimed and not yet marked sent when the instance died: the dead one's message in flight is
            // among them (each instance sends one message at a time).
            var inFlight = await cluster.ListAsync(
                $"SELECT \"MessageId\" FROM \"OutboxMessages\" WHERE \"Id\" > {outboxBefore} AND \"SentAtUtc\" IS NULL AND \"ClaimedUntilUtc\" > now()",
                r => r.GetString(0), ct);
            // The load goes on through the balancer with one instance gone.
            await load.WaitUntilTotalAsync(atKill, 20, TimeSpan.FromSeconds(20), ct);
            await load.StopAsync();
            var afterKill = load.Total - atKill;
            Output?.WriteLine($"acknowledged: {load.Summary}; {afterKill} of them after the kill");
            Assert.True(afterKill >= 10, $"Only {afterKill} writes were acknowledged after the kill: the balancer did not route around the dead instance.");

            foreach (var scenario in scenarios)
            {
                var missing = await scenario.MissingAsync(front, [.. load.Acknowledged[scenario]], ct);
                Assert.True(missing.Count == 0, $"{scenario.Name}: acknowledged but lost:\n{string.Join("\n", missing)}");
            }

            // Routed around: every request now goes to a live instance.
            var browser = cluster.NewBrowser();
            var served = new List<string>();
            for (var i = 0; i < 9; i++)
            {
                using var page = await browser.Client.GetAsync("/health/ready", ct);
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                served.Add(Instance(page));
            }
            Assert.DoesNotContain("b", served);

            // Whatever the dead instance had claimed is sent by the others once the claim lapses: nothing is left. An
            // SMTP server's "accepted" and the database's "sent" cannot be one transaction, so the one message the dead
            // instance may have handed to the server just before it died can go out a second time (at least once, never
            // lost); every other message goes out exactly once.
            Assert.Equal(0, await cluster.DrainOutboxAsync(TimeSpan.FromSeconds(60), ct));
            var messages = await cluster.ListAsync($"SELECT \"MessageId\" FROM \"OutboxMessages\" WHERE \"Id\" > {outboxBefore}", r => r.GetString(0), ct);
            Assert.True(await cluster.Smtp.WaitForAsync(messages[^1].Trim('<', '>'), TimeSpan.FromSeconds(10)), "The last email never reached the SMTP server.");
            var received = cluster.Smtp.Received;
            var counts = messages.ToDictionary(id => id, id => Occurrences(received, "Message-Id: <" + id.Trim('<', '>') + ">"));
            Assert.All(counts, c => Assert.True(c.Value >= 1, $"{c.Key} never reached the SMTP server."));
            var twice = counts.Where(c => c.Value > 1).Select(c => c.Key).ToList();
            Assert.True(twice.Count <= 1 && twice.All(inFlight.Contains) && counts.Values.All(n => n <= 2),
                $"Sent more than once: {string.Join(", ", twice.Select(id => $"{id} x{counts[id]}"))}; in flight at the kill: {string.Join(", ", inFlight)}");
        }
        finally
        {
            await load.StopAsync();
            // The instance comes back on the same database, for the tests after this one.
            await victim.StartAsync(ct);
        }
    }

    /// <summary>
    /// Sign-in tries from one client, spread over the three instances by the balancer, meet one limit (counted in the
    /// database, for the client's own address as nginx saw it): the eleventh in a minute is refused wherever it lands,
    /// while a client at another address still gets in.
    /// </summary>
    [Fact]
    public async Task RateLimitsCountTheRealClientBehindTheBalancerAcrossInstances()
    {
        cluster.Require();
        var ct = TestContext.Current.CancellationToken;
        const int PerMinute = 10; // RateLimits:AccountPerMinute's default
        // Fixed one-minute windows: start early in a minute, so every try falls in one.
        if (DateTime.UtcNow.Second > 40)
            await Task.Delay(TimeSpan.FromSeconds(61 - DateTime.UtcNow.Second), ct);
        var nobody = $"nobody-{Guid.NewGuid():N}@example.test";
        var client = cluster.NewBrowser(IPAddress.Parse("127.0.0.77"));
        var tries = new List<(HttpStatusCode Status, string Instance)>();
        for (var i = 0; i <= PerMinute; i++)
        {
            using var response = await client.LoginAsync(nobody, "not the password", ct);
            tries.Add((response.StatusCode, Instance(response)));
        }
        var seen = string.Join(" ", tries.Select(t => $"{(int)t.Status}@{t.Instance}"));
        Assert.True(tries.Take(PerMinute).All(t => t.Status == HttpStatusCode.OK), $"A try within the limit was refused: {seen}");
        Assert.True(tries.Take(PerMinute).Select(t => t.Instance).Distinct().Count() > 1, $"The tries all went to one instance: {seen}");
        Assert.True(tries[^1].Status == HttpStatusCode.TooManyRequests, $"The try past the limit was not refused: {seen}");

        var neighbour = cluster.NewBrowser(IPAddress.Parse("127.0.0.78"));
        using var other = await neighbour.LoginAsync(nobody, "not the password", ct);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.OrdinalIgnoreCase))
            count++;
        return count;
    }
}
