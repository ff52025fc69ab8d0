using System.Collections.Concurrent;

namespace PatientExperience.IntegrationTests.Reliability;

/// <summary>
/// Workers writing through <see cref="CrashScenario"/>s against a running portal until stopped, keeping every write the
/// portal acknowledged, per scenario. A request cut off (the portal killed under it, the load stopped) got no answer,
/// so it promised nothing and is not counted.
/// </summary>
public sealed class WriteLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly List<Task> _workers;
    private int _counter;

    /// <param name="pick">Which scenario write <c>n</c> uses; by default they take turns.</param>
    public WriteLoad(PortalProcess portal, IReadOnlyList<CrashScenario> scenarios, int workers, CancellationToken ct, Func<int, CrashScenario>? pick = null)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        Acknowledged = scenarios.ToDictionary(s => s, _ => new ConcurrentQueue<string>());
        pick ??= n => scenarios[n % scenarios.Count];
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _workers = [.. Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref _counter);
                var scenario = pick(n);
                try
                {
                    if (await scenario.WriteAsync(portal, n, _stop.Token) is { } ack)
                        Acknowledged[scenario].Enqueue(ack);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException or InvalidOperationException or IOException)
                {
                    // No answer (or no page to act on): nothing was promised.
                }
            }
        }, CancellationToken.None))];
    }

    public IReadOnlyDictionary<CrashScenario, ConcurrentQueue<string>> Acknowledged { get; }

    public int Total => Acknowledged.Values.Sum(a => a.Count);

    public string Summary => string.Join(", ", Acknowledged.Select(a => $"{a.Value.Count} {a.Key.Name}"));

    /// <summary>Waits until every scenario has at least <paramref name="count"/> acknowledged writes, or the time is up.</summary>
    public async Task WaitUntilEachAsync(int count, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && Acknowledged.Values.Any(a => a.Count < count))
            await Task.Delay(100, ct);
    }

    /// <summary>Waits until <paramref name="more"/> writes beyond <paramref name="from"/> are acknowledged, or the time is up.</summary>
    public async Task WaitUntilTotalAsync(int from, int more, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && Total < from + more)
            await Task.Delay(100, ct);
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
