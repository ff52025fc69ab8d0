using System.Diagnostics;

namespace PatientExperience.Core.Appointments;

/// <summary>
/// The free times shown after a lost race, searched once for everyone who lost it. When twenty patients press "Book"
/// for one time, nineteen are refused within the same second, and each is shown the same week of times (and the nearest
/// of them, <see cref="BookingService.Nearest"/>): one search serves them all. A search is shared while it runs and reused for <see cref="Lifetime"/> after, but
/// never after this instance has booked, moved or cancelled anything since it began (<see cref="Changed"/>). Another
/// instance's booking can make an offered time stale for those two seconds at most: choosing it then gives the same
/// polite "just taken" page, never a double booking (the time cells decide).
/// </summary>
public sealed class RecentFreeTimes
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly Dictionary<(int ServiceId, int? ClinicianId, DateOnly From, int Days), Entry> _entries = [];
    private long _generation;

    private sealed record Entry(long Generation, long StartedAt, Task<IReadOnlyList<DaySlots>> Search);

    /// <summary>Something was booked, moved or cancelled here: searches begun before it are not reused.</summary>
    public void Changed() => Interlocked.Increment(ref _generation);

    /// <summary>
    /// The search for these days, shared with whoever asked for the same a moment ago, else <paramref name="search"/>'s.
    /// The caller that starts a search waits for it whatever happens (it runs on that caller's database context);
    /// the others stop waiting when their request is cancelled, and search for themselves if the shared search failed.
    /// </summary>
    public async Task<IReadOnlyList<DaySlots>> SearchAsync(int serviceId, int? clinicianId, DateOnly from, int days,
        Func<Task<IReadOnlyList<DaySlots>>> search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var key = (serviceId, clinicianId, from, days);
        Entry? shared;
        TaskCompletionSource<IReadOnlyList<DaySlots>>? mine = null;
        lock (_entries)
        {
            var generation = Interlocked.Read(ref _generation);
            if (_entries.TryGetValue(key, out shared)
                && (shared.Generation != generation || Stopwatch.GetElapsedTime(shared.StartedAt) > Lifetime || shared.Search.IsFaulted || shared.Search.IsCanceled))
                shared = null;
            if (shared is null)
            {
                // Old entries go as new ones come, so the table stays as small as the searches of the last moment.
                foreach (var stale in _entries.Where(e => Stopwatch.GetElapsedTime(e.Value.StartedAt) > Lifetime).Select(e => e.Key).ToList())
                    _entries.Remove(stale);
                mine = new TaskCompletionSource<IReadOnlyList<DaySlots>>(TaskCreationOptions.RunContinuationsAsynchronously);
                _entries[key] = new Entry(generation, Stopwatch.GetTimestamp(), mine.Task);
            }
        }

        if (mine is not null)
        {
            try
            {
                var found = await search();
                mine.SetResult(found);
                return found;
            }
            catch (Exception e)
            {
                mine.SetException(e);
                throw;
            }
        }

        try
        {
            return await shared!.Search.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return await search();
        }
    }
}
