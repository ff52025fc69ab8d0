using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Email;
using PatientExperience.Infrastructure.Email;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sms;

/// <summary>
/// The portal at Monday 23 November 2026, 08:00 in New York (the end of the texts' quiet hours), its texts delivered by
/// <c>Sms:Delivery</c> (Kannel here, through a real <see cref="KannelGateway"/>; Pickup in <see cref="PickupSmsPortal"/>).
/// Tests run the outbox dispatcher themselves.
/// </summary>
public class SmsPortal : PortalFactory
{
    public static readonly DateTimeOffset Monday8amNewYork = new(2026, 11, 23, 13, 0, 0, TimeSpan.Zero);
    public const string Password = "a long enough password";

    public SettableTime Time { get; } = new(Monday8amNewYork);

    /// <summary>The shared secret the gateway's calls to the portal carry (Sms:Inbound:Secret).</summary>
    public const string InboundSecret = "kannel-to-portal-secret";

    private KannelGateway? _gateway;
    private InboundRelay? _relay;

    /// <summary>Kannel's way in to the in-memory portal (patients' texts and delivery reports).</summary>
    public InboundRelay Relay => _relay ??= new(() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }));

    /// <summary>Started when the portal is first built (only by portals that deliver through Kannel).</summary>
    public KannelGateway Gateway => _gateway ??= new(Relay.Url, InboundSecret);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sms:Delivery"] = "Kannel",
        ["Sms:Kannel:Url"] = Gateway.SendSmsUrl,
        ["Sms:Kannel:UserName"] = KannelGateway.UserName,
        ["Sms:Kannel:Password"] = KannelGateway.Password,
        ["Sms:Kannel:Sender"] = "Riverside",
        ["Sms:Inbound:Secret"] = InboundSecret,
        ["Sms:Inbound:PortalUrl"] = Relay.Url,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    /// <summary>Sends what is due, as the dispatcher would.</summary>
    /// <summary>
    /// The patient's phone texts <paramref name="text"/> through the gateway. Waits until the portal has it on the
    /// timeline and has answered the gateway's call (so everything the reply does, a cancellation included, is done),
    /// then sends what it queued.
    /// </summary>
    public async Task ReplyAsync(string e164, int patientId, string text, CancellationToken ct)
    {
        var wait = TimeSpan.FromSeconds(20);
        Task<int> ReceivedAsync() => WithDbAsync(db => db.Interactions.CountAsync(i =>
            i.PatientId == patientId && i.Channel == Core.Interactions.InteractionChannel.Text && i.Template == Core.Sms.TextReplyService.ReceivedLine, ct));
        int Answered() => Relay.Calls.Count(c => c.PathAndQuery.StartsWith("/sms/inbound", StringComparison.Ordinal));
        var before = await ReceivedAsync();
        var answered = Answered();
        await Gateway.InjectAsync(e164, text, ct);
        var until = DateTime.UtcNow + wait;
        while (await ReceivedAsync() == before || Answered() == answered)
        {
            Assert.True(DateTime.UtcNow < until, $"The portal did not receive \"{text}\". Relay: {string.Join(", ", Relay.Calls.Select(c => c.Status))}");
            await Task.Delay(100, ct);
        }
        await DispatchAsync(ct);
    }

    /// <summary>
    /// Follows the short link in a text (<c>/o/</c>, <c>/c/</c> or <c>/s/</c> and a 16-character token, no
    /// <c>?culture=</c>) as a phone would: it answers with a redirect to its page; returns that page's local URL.
    /// </summary>
    public static async Task<string> FollowTextLinkAsync(Browser browser, string text, char kind, CancellationToken ct)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @"https?://\S+");
        Assert.True(match.Success, $"No link in \"{text}\"");
        var path = new Uri(match.Value).PathAndQuery;
        Assert.Matches($"^/{kind}/[a-z2-9]{{{Core.Common.OneTimeToken.ShortLength}}}$", path);
        using var opened = await browser.Client.GetAsync(path, ct);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return opened.Headers.Location!.OriginalString;
    }

    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessDueAsync(ct);
    }

    public async Task<int> RunRemindersAsync(CancellationToken ct)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderProcessor>().RunOnceAsync(ct);
    }

    /// <summary>Text messages queued to <paramref name="e164"/>, oldest first.</summary>
    public Task<List<OutboxMessage>> TextsToAsync(string e164, CancellationToken ct) =>
        WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == e164 && m.Channel == OutboxChannel.Text).OrderBy(m => m.Id).ToListAsync(ct));

    /// <summary>
    /// Registers through the real pages in <paramref name="language"/> with <paramref name="phone"/>, confirms the email,
    /// signs in, and chooses how visit messages come on /my/details ("Email", "Text" or "Both").
    /// </summary>
    public async Task<(Browser Browser, string Email)> PatientAsync(string name, string phone, string language, string messages, CancellationToken ct)
    {
        var browser = new Browser(CreateBrowser());
        var email = $"{name}.{Guid.NewGuid():N}"[..24].ToLowerInvariant() + "@example.com";
        using var registered = await browser.SubmitAsync("/account/register", "/account/register",
        [
            new("FirstName", name), new("LastName", "Texter"), new("DateOfBirth", "1981-02-03"), new("Email", email),
            new("Phone", phone), new("PreferredLanguage", language), new("Password", Password), new("ConfirmPassword", Password),
        ], ct);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        await browser.GetPageAsync(OutboxReader.LinkIn(Assert.Single(await this.MessagesToAsync(email, ct))), ct);
        await browser.SignInAsync(email, ct, Password);
        var details = await browser.GetPageAsync("/my/details", ct);
        Assert.NotNull(details.QuerySelector($"input[name='Form.Messages'][value='{messages}']"));
        using var saved = await browser.SubmitAsync(details, "/my/details",
        [
            new("Form.Phone", phone), new("Form.PreferredLanguage", language), new("Form.ContactByEmail", "true"),
            new("Form.ContactByPhone", "true"), new("Form.Messages", messages),
        ], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return (browser, email);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _gateway?.Dispose();
            _relay?.Dispose();
        }
    }
}

/// <summary>The same portal with the embedded default: one file per text in a folder.</summary>
public sealed class PickupSmsPortal : SmsPortal
{
    public string SmsDirectory => Path.Combine(Path.GetDirectoryName(MailDirectory)!, "sms");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sms:Delivery"] = "Pickup",
        ["Sms:PickupDirectory"] = SmsDirectory,
    };
}

/// <summary>A clock the tests set, forwards or back (each test starts at its own moment).</summary>
public sealed class SettableTime(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void SetUtcNow(DateTimeOffset value) => Interlocked.Exchange(ref _ticks, value.UtcTicks);
}
