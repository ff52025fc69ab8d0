using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace PatientExperience.IntegrationTests.Sms;

/// <summary>One text as the fake operator (fakesmsc) received it from Kannel, its parts put back together.</summary>
/// <param name="Parts">How many SMS it took (1, or the part count in the concatenation header).</param>
public sealed record ReceivedText(string From, string To, string Text, int Parts);

/// <summary>
/// A real Kannel on loopback ports: bearerbox (the gateway), smsbox (the HTTP sendsms interface the portal calls) and
/// /usr/lib/kannel/test/fakesmsc (the fake operator, which prints every message it is sent). The configuration is
/// Sms/kannel.conf.template with free ports filled in. Without Kannel installed the tests skip, unless
/// <see cref="RequireVariable"/>=1 (CI), where they fail.
/// </summary>
public sealed partial class KannelGateway : IDisposable
{
    public const string RequireVariable = "PE_REQUIRE_KANNEL";
    public const string UserName = "portal";
    public const string Password = "portal-secret";
    private const string FakeSmsc = "/usr/lib/kannel/test/fakesmsc";

    private readonly List<Process> _processes = [];
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pe-kannel", Guid.NewGuid().ToString("N"));
    private readonly string? _unavailable;
    private readonly string _portalUrl;
    private readonly string _secret;

    private int _phonesPort;

    /// <param name="portalUrl">Where smsbox sends patients' texts (the portal, as Kannel sees it), with <paramref name="secret"/>.</param>
    public KannelGateway(string portalUrl = "http://127.0.0.1:1", string secret = "none")
    {
        _portalUrl = portalUrl;
        _secret = secret;
        var bearerbox = Which("bearerbox");
        var smsbox = Which("smsbox");
        if (bearerbox is null || smsbox is null || !File.Exists(FakeSmsc))
        {
            _unavailable = "Kannel is not installed (apt-get install kannel kannel-extras).";
            return;
        }
        try
        {
            Start(bearerbox, smsbox);
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or System.ComponentModel.Win32Exception)
        {
            _unavailable = "Kannel did not start: " + ex.Message + " " + Logs();
            Dispose();
        }
    }

    /// <summary>smsbox's sendsms address.</summary>
    public string SendSmsUrl { get; private set; } = "http://127.0.0.1:1/cgi-bin/sendsms";

    /// <summary>Skips the test (fails it in CI) when Kannel could not be started here.</summary>
    public void Require()
    {
        if (_unavailable is null)
            return;
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            Assert.Fail(_unavailable);
        Assert.Skip(_unavailable);
    }

    /// <summary>Every text fakesmsc has received so far, parts joined.</summary>
    public IReadOnlyList<ReceivedText> Received()
    {
        var texts = new List<ReceivedText>();
        var parts = new Dictionary<(string To, int Reference), SortedDictionary<int, byte[]>>();
        foreach (var line in _lines)
        {
            var match = MessageLine().Match(line);
            if (!match.Success)
                continue;
            var (from, to, kind, rest) = (match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value, match.Groups[4].Value);
            switch (kind)
            {
                case "text":
                    texts.Add(new ReceivedText(from, to, rest, 1));
                    break;
                case "ucs-2":
                    texts.Add(new ReceivedText(from, to, Encoding.BigEndianUnicode.GetString(WebUtility.UrlDecodeToBytes(Encoding.ASCII.GetBytes(rest), 0, rest.Length)), 1));
                    break;
                case "udh":
                    // "udh %05%00%03<ref><total><seq> data <url-encoded bytes>" (Kannel's concatenation header, 8-bit reference).
                    var space = rest.IndexOf(' ', StringComparison.Ordinal);
                    var udh = WebUtility.UrlDecodeToBytes(Encoding.ASCII.GetBytes(rest[..space]), 0, space);
                    var payload = rest[(space + 1)..];
                    payload = payload[(payload.IndexOf(' ', StringComparison.Ordinal) + 1)..];
                    var bytes = WebUtility.UrlDecodeToBytes(Encoding.ASCII.GetBytes(payload), 0, payload.Length);
                    var key = (to, (int)udh[3]);
                    if (!parts.TryGetValue(key, out var list))
                        parts[key] = list = [];
                    list[udh[5]] = bytes;
                    if (list.Count == udh[4])
                    {
                        var all = list.Values.SelectMany(b => b).ToArray();
                        // UCS-2 parts carry a zero high byte for every Latin character; GSM text never has a zero byte here.
                        var text = all.Contains((byte)0) ? Encoding.BigEndianUnicode.GetString(all) : Encoding.UTF8.GetString(all);
                        texts.Add(new ReceivedText(from, to, text, udh[4]));
                        parts.Remove(key);
                    }
                    break;
            }
        }
        return texts;
    }

    /// <summary>Waits up to <paramref name="timeout"/> for <paramref name="count"/> texts to <paramref name="to"/>.</summary>
    public async Task<IReadOnlyList<ReceivedText>> WaitForAsync(string to, int count, TimeSpan timeout, CancellationToken ct)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var texts = Received().Where(t => t.To == to).ToList();
            if (texts.Count >= count || DateTime.UtcNow > until)
                return texts;
            await Task.Delay(100, ct);
        }
    }

    /// <summary>
    /// A patient's phone texts <paramref name="text"/> from <paramref name="from"/>: a fakesmsc of its own sends it into the
    /// gateway on the phones' side (as UCS-2 when it is not plain ASCII), and is stopped once it has.
    /// </summary>
    public async Task InjectAsync(string from, string text, CancellationToken ct)
    {
        var message = text.All(char.IsAscii)
            ? $"{from} Riverside text {text}"
            : $"{from} Riverside ucs2 {string.Concat(Encoding.BigEndianUnicode.GetBytes(text).Select(b => $"%{b:X2}"))}";
        var lines = new ConcurrentQueue<string>();
        var info = new ProcessStartInfo(FakeSmsc)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        foreach (var a in new[] { "-H", "127.0.0.1", "-r", _phonesPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-i", "0.1", "-m", "1", message })
            info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new IOException("fakesmsc did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (!lines.Any(l => l.Contains("sent message 1", StringComparison.Ordinal)))
            {
                if (DateTime.UtcNow > until || process.HasExited)
                    throw new TimeoutException("fakesmsc did not send the reply: " + string.Join("\n", lines.TakeLast(5)));
                await Task.Delay(50, ct);
            }
            // Give bearerbox a moment to take it before the connection closes.
            await Task.Delay(300, ct);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync(ct);
            }
        }
    }

    private void Start(string bearerbox, string smsbox)
    {
        Directory.CreateDirectory(_directory);
        var admin = FreePort();
        var box = FreePort();
        var fake = FreePort();
        var send = FreePort();
        _phonesPort = FreePort();
        var template = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sms", "kannel.conf.template"));
        var config = Path.Combine(_directory, "kannel.conf");
        File.WriteAllText(config, template
            .Replace("{{ADMIN_PORT}}", admin.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{SMSBOX_PORT}}", box.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{FAKE_PORT}}", fake.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{SENDSMS_PORT}}", send.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{PHONES_PORT}}", _phonesPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{PORTAL_URL}}", _portalUrl, StringComparison.Ordinal)
            .Replace("{{SECRET}}", _secret, StringComparison.Ordinal)
            .Replace("{{DIR}}", _directory, StringComparison.Ordinal));

        Launch(bearerbox, [config], capture: false);
        WaitForPort(box);
        WaitForPort(fake);
        WaitForPort(_phonesPort);
        Launch(smsbox, [config], capture: false);
        // -m 0: send nothing of its own; it prints each message the gateway delivers to it.
        Launch(FakeSmsc, ["-H", "127.0.0.1", "-r", fake.ToString(System.Globalization.CultureInfo.InvariantCulture), "-i", "0.1", "-m", "0", "x x text x"], capture: true);
        WaitForPort(send);
        SendSmsUrl = $"http://127.0.0.1:{send}/cgi-bin/sendsms";
    }

    private void Launch(string file, string[] args, bool capture)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new IOException($"{file} did not start.");
        _processes.Add(process);
        var log = Path.Combine(_directory, Path.GetFileName(file) + ".out");
        void Read(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is null)
                return;
            if (capture)
                _lines.Enqueue(e.Data);
            lock (_processes)
                File.AppendAllText(log, e.Data + "\n");
        }
        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private string Logs()
    {
        try
        {
            return string.Join("\n", Directory.GetFiles(_directory, "*.out").Concat(Directory.GetFiles(_directory, "*.log"))
                .Select(f => Path.GetFileName(f) + ": " + string.Join("\n", File.ReadLines(f).TakeLast(5))));
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static void WaitForPort(int port)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        throw new TimeoutException($"Nothing listened on port {port} within 20 seconds.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static readonly string[] BinDirectories = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"];

    private static string? Which(string name) => BinDirectories.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    [GeneratedRegex(@"Got message \d+: <(\S+) (\S+) (text|ucs-2|udh) (.*)>$")]
    private static partial Regex MessageLine();

    public void Dispose()
    {
        // fakesmsc first, then smsbox, then bearerbox: each only the process this fixture started.
        for (var i = _processes.Count - 1; i >= 0; i--)
        {
            try
            {
                if (!_processes[i].HasExited)
                {
                    _processes[i].Kill();
                    _processes[i].WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            _processes[i].Dispose();
        }
        _processes.Clear();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A log still open: the temp folder is cleaned by the OS.
        }
    }
}
