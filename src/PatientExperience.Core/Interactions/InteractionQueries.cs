namespace PatientExperience.Core.Interactions;

/// <summary>Reads of the contact log across patients (the manager's overview). Reads only, no tracking.</summary>
public sealed class InteractionQueries(IAppDbContext db)
{
    /// <summary>Contacts since <paramref name="sinceUtc"/> per channel, the busiest first.</summary>
    public async Task<IReadOnlyList<ChannelCount>> ByChannelSinceAsync(DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var counts = await db.Interactions.AsNoTracking().Where(i => i.OccurredAtUtc >= sinceUtc)
            .GroupBy(i => i.Channel).Select(g => new ChannelCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        return [.. counts.OrderByDescending(c => c.Count)];
    }
}
