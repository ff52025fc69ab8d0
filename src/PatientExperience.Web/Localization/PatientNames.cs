using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Departments;

namespace PatientExperience.Web.Localization;

/// <summary>
/// Names and texts admins entered in English (departments, services, job titles, directions, complaint topics) in the
/// reader's language: the admin's version (<see cref="Core.Localization.NameTranslation"/>), else the portal's own
/// translation of a name it ships (the seeded complaint topics), else the English. <c>Names</c> in views; emails call it
/// inside their <c>CultureScope</c>. The versions are held in memory and read again at most every
/// <see cref="MaxAge"/> (a save on this instance reads them again at once; other instances of a cluster follow within that time).
/// </summary>
public sealed class PatientNames(IServiceScopeFactory scopes, IStringLocalizer<SharedResource> localizer, ILogger<PatientNames> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private sealed record Snapshot(IReadOnlyDictionary<(string Language, string Source), string> Texts, long LoadedAt);

    private volatile Snapshot? _snapshot;
    private int _refreshing;

    /// <summary>The English <paramref name="english"/> in the current UI language.</summary>
    public string this[string? english] => Translate(english);

    public string Translate(string? english)
    {
        if (string.IsNullOrEmpty(english))
            return english ?? string.Empty;
        var culture = CultureInfo.CurrentUICulture;
        if (culture.TwoLetterISOLanguageName == SupportedLanguages.Default)
            return english;
        var texts = Current().Texts;
        for (var c = culture; c != CultureInfo.InvariantCulture; c = c.Parent)
        {
            if (texts.TryGetValue((c.Name, english), out var text))
                return text;
        }
        var shipped = localizer[english];
        return shipped.ResourceNotFound ? english : shipped.Value;
    }

    /// <summary>Where to go, how to find it and what to bring, in the reader's language (the address stays as written).</summary>
    public VisitPlace? Place(VisitPlace? place) => place is null ? null : place with
    {
        Department = Translate(place.Department),
        Site = place.Site is null ? null : Translate(place.Site),
        Directions = place.Directions is null ? null : Translate(place.Directions),
        WhatToBring = place.WhatToBring is null ? null : Translate(place.WhatToBring),
    };

    /// <summary>Reads every version afresh now (after an admin saves), so no patient's page waits for the read.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
        var rows = await db.NameTranslations.AsNoTracking().Select(t => new { t.Language, t.Source, t.Text }).ToListAsync(cancellationToken);
        _snapshot = new Snapshot(rows.ToDictionary(r => (r.Language, r.Source), r => r.Text), Stopwatch.GetTimestamp());
    }

    private Snapshot Current()
    {
        var snapshot = _snapshot;
        if (snapshot is null)
            return _snapshot = Load();
        if (Stopwatch.GetElapsedTime(snapshot.LoadedAt) > MaxAge && Interlocked.Exchange(ref _refreshing, 1) == 0)
        {
            // Stale: keep answering from what we have while one background read brings it up to date.
            _ = Task.Run(() =>
            {
                try
                {
                    _snapshot = Load();
                }
                catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
                {
                    logger.LogWarning(e, "Reading the names' translations failed; the ones already held are used until the next try");
                }
                finally
                {
                    Volatile.Write(ref _refreshing, 0);
                }
            });
        }
        return snapshot;
    }

    private Snapshot Load()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
        var rows = db.NameTranslations.AsNoTracking().Select(t => new { t.Language, t.Source, t.Text }).ToList();
        return new Snapshot(rows.ToDictionary(r => (r.Language, r.Source), r => r.Text), Stopwatch.GetTimestamp());
    }
}
