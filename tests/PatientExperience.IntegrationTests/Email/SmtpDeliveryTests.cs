using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Infrastructure.Email;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Email;

/// <summary>A real SMTP conversation with a real server on 127.0.0.1: Debian's aiosmtpd, which prints what it receives.</summary>
public sealed class SmtpSink : IAsyncLifetime
{
    private readonly StringBuilder _received = new();
    private Process? _process;

    public int Port { get; } = FreePort();

    public string Received
    {
        get { lock (_received) return _received.ToString(); }
    }

    public async ValueTask InitializeAsync()
    {
        const string python = "/usr/bin/python3";
        var start = new ProcessStartInfo(python, ["-u", "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the SMTP sink.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("The SMTP sink needs Debian's aiosmtpd: apt-get install python3-aiosmtpd");
        }
        _process.OutputDataReceived += (_, e) => { lock (_received) _received.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_received) _received.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (_process.HasExited)
                throw new InvalidOperationException("The SMTP sink stopped at once (apt-get install python3-aiosmtpd?): " + Received);
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException("The SMTP sink did not start listening in 15 s.");
    }

    public async Task<bool> WaitForAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Received.Contains(text, StringComparison.Ordinal))
                return true;
            await Task.Delay(100);
        }
        return false;
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
            _process.Kill(entireProcessTree: true);
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public class SmtpDeliveryTests(SmtpSink sink) : IClassFixture<SmtpSink>
{
    private sealed class SmtpPortalFactory(int port) : PortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Email:Delivery"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
        };
    }

    [Fact]
    public async Task RegistrationEmailReachesARealSmtpServer()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new SmtpPortalFactory(sink.Port);
        var browser = new Browser(factory.CreateBrowser());
        const string email = "smtp.reader@example.com";
        using var registered = await browser.SubmitAsync("/account/register", "/account/register",
        [
            new("FirstName", "Mei"), new("LastName", "Okonkwo"), new("DateOfBirth", "1990-02-03"), new("Email", email),
            new("Phone", "555 010 9911"), new("PreferredLanguage", "en"),
            new("Password", "a long enough password"), new("ConfirmPassword", "a long enough password"),
        ], ct);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessDueAsync(ct));

        Assert.True(await sink.WaitForAsync("Confirm your email", TimeSpan.FromSeconds(10)), "The sink did not receive it:\n" + sink.Received);
        Assert.Contains(email, sink.Received);
        var sent = Assert.Single(await factory.MessagesToAsync(email, ct));
        Assert.NotNull(sent.SentAtUtc);
        Assert.Contains(sent.MessageId, sink.Received);
    }
}
