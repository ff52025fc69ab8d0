using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PatientExperience.IntegrationTests.Sms;

/// <summary>
/// The portal under test lives in memory (TestServer), which Kannel cannot call. This listens on a loopback port and
/// passes each request Kannel makes (its sms-service get-url and its dlr-url) to the portal unchanged — method, path and
/// query — and the portal's status back, so the gateway talks to the portal's real endpoints.
/// </summary>
public sealed class InboundRelay : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpClient> _portal;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(string PathAndQuery, int Status)> _calls = [];
    private HttpClient? _client;

    public InboundRelay(Func<HttpClient> portal)
    {
        _portal = portal;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>What the gateway called and what the portal answered.</summary>
    public IReadOnlyList<(string PathAndQuery, int Status)> Calls
    {
        get
        {
            lock (_calls)
                return [.. _calls];
        }
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => RelayAsync(context));
        }
    }

    private async Task RelayAsync(HttpListenerContext context)
    {
        var pathAndQuery = context.Request.RawUrl ?? "/";
        try
        {
            _client ??= _portal();
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), pathAndQuery);
            using var response = await _client.SendAsync(request, _stop.Token);
            context.Response.StatusCode = (int)response.StatusCode;
            lock (_calls)
                _calls.Add((pathAndQuery, (int)response.StatusCode));
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            context.Response.StatusCode = 502;
            lock (_calls)
                _calls.Add((pathAndQuery, 502));
        }
        context.Response.Close();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _client?.Dispose();
        _stop.Dispose();
    }
}
