using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using PatientExperience.LoadTest;

// The booking race against a running portal (loopback only). benchmarks/load/booking-race.sh starts a fresh portal
// and runs this; to run it by hand:
//   dotnet run -c Release --project benchmarks/PatientExperience.LoadTest -- --base-url http://127.0.0.1:5391 --db /tmp/x/portal.db
// Options: --clients 200 --slots 10 --timeout 300 (seconds, for the whole run).
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: PatientExperience.LoadTest --base-url http://127.0.0.1:PORT --db PORTAL.db [--clients 200] [--slots 10] [--timeout 300]");
    return 2;
}
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds));
try
{
    return await BookingRace.RunAsync(options, stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine($"Stopped: the run took longer than {options.TimeoutSeconds} s.");
    return 1;
}

internal sealed record Options(Uri BaseUrl, string Database, int Clients, int Slots, int TimeoutSeconds)
{
    public static Options? Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        if (!Uri.TryCreate(Value("--base-url") ?? "http://127.0.0.1:5391", UriKind.Absolute, out var baseUrl) || Value("--db") is not { } db)
            return null;
        // Loopback only: this opens hundreds of connections and writes patients into the database it is given.
        if (!IPAddress.TryParse(baseUrl.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            Console.Error.WriteLine($"Refusing {baseUrl}: the load test only talks to a loopback address such as 127.0.0.1.");
            return null;
        }
        return new Options(baseUrl, db,
            int.Parse(Value("--clients") ?? "200", CultureInfo.InvariantCulture),
            int.Parse(Value("--slots") ?? "10", CultureInfo.InvariantCulture),
            int.Parse(Value("--timeout") ?? "300", CultureInfo.InvariantCulture));
    }
}

internal static class BookingRace
{
    private static readonly HtmlParser Parser = new();

    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var prefix = "race" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture) + "-";
        var emails = await Patients.CreateAsync(options.Database, prefix, options.Clients, cancellationToken);
        Console.WriteLine($"Created {emails.Count} patient logins ({prefix}NNN@example.com) in the portal's database");

        // Each client comes from its own address, as patients behind the clinic's proxy do: the portal counts its rate limits
        // per client address, and trusts X-Forwarded-For only from a proxy it is told about (booking-race.sh names 127.0.0.1).
        var clients = emails.Select((e, i) => new Client(options.BaseUrl, e, ClientAddress(i))).ToList();
        try
        {
            // Sign everyone in, a few at a time (password hashing is the slow part and is not what we measure).
            var signIn = Stopwatch.StartNew();
            using (var gate = new SemaphoreSlim(8))
            {
                await Task.WhenAll(clients.Select(async c =>
                {
                    await gate.WaitAsync(cancellationToken);
                    try { await c.SignInAsync(Patients.DemoPassword, cancellationToken); }
                    finally { gate.Release(); }
                }));
            }
            Console.WriteLine($"Signed in {clients.Count} clients in {signIn.Elapsed.TotalSeconds:F1} s");

            var target = await ChooseSlotsAsync(clients[0], options.Slots, cancellationToken);
            Console.WriteLine($"Slots: service {target.ServiceId} ({target.ServiceName}), clinician {target.ClinicianId} ({target.ClinicianName}):");
            foreach (var start in target.StartsUtc)
                Console.WriteLine($"  {start:yyyy-MM-dd HH:mm}Z");

            // Each client opens the confirm page of its slot (this is where the form's antiforgery token and one-time key come from).
            var forms = new (Client Client, DateTime Start, ConfirmForm Form)[clients.Count];
            using (var gate = new SemaphoreSlim(16))
            {
                await Task.WhenAll(clients.Select(async (c, i) =>
                {
                    await gate.WaitAsync(cancellationToken);
                    try
                    {
                        var start = target.StartsUtc[i % target.StartsUtc.Count];
                        var form = await c.ConfirmFormAsync(target.ServiceId, target.ClinicianId, start, cancellationToken);
                        forms[i] = (c, start, form);
                    }
                    finally { gate.Release(); }
                }));
            }
            Console.WriteLine($"{clients.Count} clients ready, about {clients.Count / target.StartsUtc.Count} per slot; releasing them all at once");

            // The race: every client waits on one gate, then posts.
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var race = Stopwatch.StartNew();
            var posts = forms.Select(async f =>
            {
                await go.Task;
                return await f.Client.BookAsync(target.ServiceId, target.ClinicianId, f.Start, f.Form, race, cancellationToken);
            }).ToList();
            race.Restart();
            go.SetResult();
            var results = await Task.WhenAll(posts);
            var elapsed = race.Elapsed;

            var booked = results.Count(r => r.Outcome == Outcome.Booked);
            var refused = results.Count(r => r.Outcome == Outcome.Refused);
            var errors = results.Where(r => r.Outcome == Outcome.Error).ToList();
            var latencies = results.Select(r => r.Milliseconds).Order().ToArray();
            Console.WriteLine();
            Console.WriteLine("Booking race results");
            Console.WriteLine($"  clients / slots:        {clients.Count} / {target.StartsUtc.Count}");
            Console.WriteLine($"  bookings made:          {booked} (expected {target.StartsUtc.Count})");
            Console.WriteLine($"  friendly refusals (409): {refused}");
            Console.WriteLine($"  errors:                 {errors.Count}");
            foreach (var group in errors.GroupBy(e => e.Detail))
                Console.WriteLine($"    {group.Count()} x {group.Key}");
            Console.WriteLine($"  elapsed:                {elapsed.TotalMilliseconds:F0} ms (first post to last answer)");
            Console.WriteLine($"  throughput:             {results.Length / elapsed.TotalSeconds:F1} requests/s");
            Console.WriteLine($"  latency:                min {latencies[0]:F0} ms, p50 {Percentile(latencies, 0.50):F0} ms, p95 {Percentile(latencies, 0.95):F0} ms, max {latencies[^1]:F0} ms");
            Console.WriteLine($"  answers per second:     {string.Join(", ", results.GroupBy(r => (int)(r.AnsweredAt / 1000)).OrderBy(g => g.Key).Select(g => $"{g.Key}-{g.Key + 1} s: {g.Count()}"))}");

            // The database's view: one active appointment per slot, none doubled.
            var perSlot = await Patients.BookedAtAsync(options.Database, target.ClinicianId, target.StartsUtc, cancellationToken);
            var doubled = perSlot.Count(p => p.Value > 1);
            var empty = perSlot.Count(p => p.Value == 0);
            Console.WriteLine($"  database check:         {perSlot.Values.Sum()} appointments at the {perSlot.Count} slots, {doubled} doubled, {empty} empty");
            var winsPerSlot = results.Where(r => r.Outcome == Outcome.Booked).GroupBy(r => r.Start).Count(g => g.Count() > 1);
            Console.WriteLine($"  total run time:         {total.Elapsed.TotalSeconds:F1} s");

            var ok = booked == target.StartsUtc.Count && errors.Count == 0 && doubled == 0 && empty == 0 && winsPerSlot == 0;
            Console.WriteLine(ok ? "PASS: exactly one booking per slot, everyone else refused politely" : "FAIL");
            return ok ? 0 : 1;
        }
        finally
        {
            foreach (var c in clients)
                c.Dispose();
        }
    }

    /// <summary>A distinct private address per client (10.77.0.1, 10.77.0.2, ...).</summary>
    private static string ClientAddress(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"10.77.{(index + 1) / 250}.{(index + 1) % 250 + 1}");

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private sealed record Target(int ServiceId, string ServiceName, int ClinicianId, string ClinicianName, IReadOnlyList<DateTime> StartsUtc);

    /// <summary>
    /// Walks the booking pages as a patient: the shortest service, its first named clinician, then times an hour or more
    /// apart (so one win never blocks another slot, whatever the service's buffers).
    /// </summary>
    private static async Task<Target> ChooseSlotsAsync(Client client, int count, CancellationToken cancellationToken)
    {
        var services = Parser.ParseDocument(await client.GetPageAsync("/appointments/book", cancellationToken));
        // A group with several sites asks "Where would you like to go?" first: race at the first site it offers.
        var site = services.QuerySelectorAll("a.choice").Select(a => a.GetAttribute("href") ?? "")
            .FirstOrDefault(h => h.Contains("site=", StringComparison.Ordinal));
        if (site is not null)
            services = Parser.ParseDocument(await client.GetPageAsync(site, cancellationToken));
        var service = services.QuerySelectorAll("a.choice")
            .Select(a => (Href: a.GetAttribute("href") ?? "", Text: a.TextContent.Trim()))
            .Where(a => a.Href.StartsWith("/appointments/book/", StringComparison.Ordinal))
            .OrderBy(a => Minutes(a.Text)).First();
        var serviceId = int.Parse(service.Href["/appointments/book/".Length..], CultureInfo.InvariantCulture);

        var people = Parser.ParseDocument(await client.GetPageAsync(service.Href, cancellationToken));
        var clinician = people.QuerySelectorAll("a.choice")
            .Select(a => (Href: a.GetAttribute("href") ?? "", Text: a.TextContent))
            .First(a => !a.Href.EndsWith("clinician=0", StringComparison.Ordinal));
        var clinicianId = int.Parse(clinician.Href[(clinician.Href.IndexOf("clinician=", StringComparison.Ordinal) + "clinician=".Length)..], CultureInfo.InvariantCulture);

        var chosen = new List<DateTime>();
        var from = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var page = 0; page < 8 && chosen.Count < count; page++, from = from.AddDays(7))
        {
            var times = Parser.ParseDocument(await client.GetPageAsync(
                $"{service.Href}/times?clinician={clinicianId}&from={from:yyyy-MM-dd}", cancellationToken));
            foreach (var link in times.QuerySelectorAll("a.slot"))
            {
                var href = link.GetAttribute("href") ?? "";
                var text = href[(href.IndexOf("start=", StringComparison.Ordinal) + "start=".Length)..];
                var start = DateTime.ParseExact(Uri.UnescapeDataString(text), "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
                if (chosen.Count < count && chosen.All(c => Math.Abs((c - start).TotalMinutes) >= 60))
                    chosen.Add(start);
            }
        }
        if (chosen.Count < count)
            throw new InvalidOperationException($"Only {chosen.Count} suitable free slots found for clinician {clinicianId}.");
        return new Target(serviceId, service.Text.Split('·')[0].Trim(), clinicianId, clinician.Text.Split('·')[0].Trim(), chosen);
    }

    private static int Minutes(string text)
    {
        var digits = new string(text.Split('·').Last().Where(char.IsDigit).ToArray());
        return int.TryParse(digits, CultureInfo.InvariantCulture, out var minutes) ? minutes : int.MaxValue;
    }
}

internal enum Outcome
{
    Booked,
    Refused,
    Error,
}

/// <summary>The hidden fields of a confirm page's form.</summary>
internal sealed record ConfirmForm(string Token, string Key);

/// <summary>One post: its slot, what came back, how long it took and when (ms after the release) the answer arrived.</summary>
internal sealed record PostResult(DateTime Start, Outcome Outcome, double Milliseconds, string Detail)
{
    public double AnsweredAt { get; init; }
}

/// <summary>One browser: its own cookies (antiforgery and sign-in), no automatic redirects.</summary>
internal sealed class Client : IDisposable
{
    /// <summary>What the portal says to the losers of a race (AppointmentsController answers 409 with it).</summary>
    private const string TakenMessage = "that time was just taken";
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _http;

    public Client(Uri baseUrl, string email, string address)
    {
        Email = email;
        _http = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(120),
        };
        _http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        _http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
    }

    public string Email { get; }

    public async Task SignInAsync(string password, CancellationToken cancellationToken)
    {
        var token = FormToken(await GetPageAsync("/account/login", cancellationToken), "/account/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = Email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await _http.PostAsync("/account/login", form, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {Email} answered {(int)response.StatusCode}, not a redirect.");
    }

    /// <summary>The confirm page's form fields a browser sends back: the antiforgery token and the form's one-time key.</summary>
    public async Task<ConfirmForm> ConfirmFormAsync(int serviceId, int clinicianId, DateTime startUtc, CancellationToken cancellationToken)
    {
        var html = await GetPageAsync($"/appointments/book/{serviceId}/confirm?clinician={clinicianId}&start={startUtc:yyyy-MM-ddTHH:mm:ssZ}", cancellationToken);
        var key = Parser.ParseDocument(html).QuerySelector("input[name=__FormKey]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No one-time form key on the confirm page.");
        return new ConfirmForm(FormToken(html, "confirm page"), key);
    }

    public async Task<string> GetPageAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} as {Email} answered {(int)response.StatusCode}.");
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public async Task<PostResult> BookAsync(int serviceId, int clinicianId, DateTime startUtc, ConfirmForm confirm, Stopwatch clock, CancellationToken cancellationToken)
    {
        var sent = clock.Elapsed;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["serviceId"] = serviceId.ToString(CultureInfo.InvariantCulture),
            ["clinicianId"] = clinicianId.ToString(CultureInfo.InvariantCulture),
            ["start"] = startUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = confirm.Token,
            ["__FormKey"] = confirm.Key,
        });
        var result = await PostAsync(form, startUtc, sent, clock, cancellationToken);
        return result with { AnsweredAt = clock.Elapsed.TotalMilliseconds };
    }

    private async Task<PostResult> PostAsync(FormUrlEncodedContent form, DateTime startUtc, TimeSpan sent, Stopwatch clock, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.PostAsync("/appointments/book", form, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var milliseconds = (clock.Elapsed - sent).TotalMilliseconds;
            var location = response.Headers.Location?.OriginalString ?? "";
            if (response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/appointments/", StringComparison.Ordinal)
                && location.EndsWith("/booked", StringComparison.Ordinal))
                return new PostResult(startUtc, Outcome.Booked, milliseconds, location);
            if (response.StatusCode == HttpStatusCode.Conflict && body.Contains(TakenMessage, StringComparison.Ordinal))
                return new PostResult(startUtc, Outcome.Refused, milliseconds, "409");
            return new PostResult(startUtc, Outcome.Error, milliseconds,
                $"{(int)response.StatusCode} {location}".Trim() + (response.StatusCode == HttpStatusCode.Conflict ? " (409 without the friendly message)" : ""));
        }
        catch (HttpRequestException e)
        {
            return new PostResult(startUtc, Outcome.Error, (clock.Elapsed - sent).TotalMilliseconds, e.GetType().Name + ": " + e.Message);
        }
    }

    private static string FormToken(string html, string where) =>
        Parser.ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"No antiforgery token on the {where}.");

    public void Dispose() => _http.Dispose();
}
