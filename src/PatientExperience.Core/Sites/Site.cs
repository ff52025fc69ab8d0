namespace PatientExperience.Core.Sites;

/// <summary>
/// A place patients go: a hospital or an outpatient site of the group, with its own address, phone and time zone. Every
/// <see cref="Departments.Department"/> belongs to exactly one site; its clinicians' working hours and free times are in
/// the site's zone. The group's <c>Clinic:*</c> settings are the defaults (and made the first site, see
/// <c>Infrastructure/Data/FirstSite</c>).
/// </summary>
public class Site : AuditableEntity, IActivatable
{
    private Site() { }

    public Site(string name, string timeZone)
    {
        Name = name.Trim();
        TimeZone = timeZone.Trim();
    }

    public string Name { get; private set; } = string.Empty;
    /// <summary>Postal address, lines separated by "\n".</summary>
    public string? Address { get; private set; }
    /// <summary>E.164 ("+15550100100"), see <see cref="PhoneFormat"/>.</summary>
    public string? Phone { get; private set; }
    /// <summary>How to find it: entrance, parking, the nearest bus stop (a department's own directions come first).</summary>
    public string? Directions { get; private set; }
    /// <summary>What to bring (a department's own list comes first).</summary>
    public string? WhatToBring { get; private set; }
    /// <summary>IANA time zone id ("America/Chicago"): the truth for this site's working hours, free times and "today".
    /// Empty only on the row the Sites migration makes before the first start fills it from <c>Clinic:*</c>.</summary>
    public string TimeZone { get; private set; } = string.Empty;
    public bool IsActive { get; private set; } = true;
    /// <summary>The complaint policy pack at this site (a <see cref="Complaints.PolicyPacks"/> code, "NhsWales"), or null for the
    /// group's: a complaint about this site follows its deadlines.</summary>
    public string? ComplaintPolicyPack { get; private set; }

    private readonly List<SiteOpeningHours> _openingHours = [];

    /// <summary>When the site is open, one row per opening: one or two (closed for lunch between) per open weekday; none at
    /// all means no opening hours (no limit).</summary>
    public IReadOnlyCollection<SiteOpeningHours> OpeningHours => _openingHours;

    /// <summary>The most openings a site has on one day: open, closed for a break, open again.</summary>
    public const int MaxOpeningsPerDay = 2;

    /// <summary>Replaces the opening hours (load them first so the old rows are deleted). A day's openings must not overlap
    /// nor touch, and there are at most <see cref="MaxOpeningsPerDay"/> of them.</summary>
    public void SetOpeningHours(IEnumerable<OpeningTime> hours)
    {
        var list = hours.OrderBy(h => h.Day).ThenBy(h => h.Opens).ToList();
        foreach (var day in list.GroupBy(h => h.Day))
        {
            if (day.Count() > MaxOpeningsPerDay)
                throw new ArgumentException($"A site opens at most {MaxOpeningsPerDay} times a day.", nameof(hours));
            if (day.Zip(day.Skip(1)).Any(p => p.Second.Opens <= p.First.Closes))
                throw new ArgumentException("A day's second opening must start after the first one closes.", nameof(hours));
        }
        _openingHours.Clear();
        _openingHours.AddRange(list.Select(h => new SiteOpeningHours(h.Day, h.Opens, h.Closes)));
    }

    /// <summary>This site's own complaint rules, or the group's for null or empty.</summary>
    public void UsePolicyPack(string? code) => ComplaintPolicyPack = string.IsNullOrWhiteSpace(code) ? null : code.Trim();

    public void Update(string name, string? address, string? phoneE164, string? directions, string? whatToBring, string timeZone)
    {
        Name = name.Trim();
        Address = Clean(address);
        Phone = Clean(phoneE164);
        Directions = Clean(directions);
        WhatToBring = Clean(whatToBring);
        TimeZone = timeZone.Trim();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");

    public void Deactivate() => IsActive = false;
    public void Reactivate() => IsActive = true;
}
