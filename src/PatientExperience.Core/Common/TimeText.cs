using System.Collections.Concurrent;

namespace PatientExperience.Core.Common;

/// <summary>
/// The one way dates and times are written for people: in the clinic's time zone, in the reader's language, the way
/// people write them where the clinic is (<see cref="ClinicOptions.Region"/>): "Monday, December 7, 2026, 1:30 PM"
/// for English in the US, "lunes, 7 de diciembre de 2026, 1:30 p. m." for Spanish there, "2026年12月7日星期一 13:30"
/// in Chinese. The reader's language is <see cref="CultureInfo.CurrentUICulture"/> (the request's, or the
/// recipient's inside a culture scope for email). Machine formats (ISO dates in links, form values, CSV, file names)
/// are not written here.
/// </summary>
public sealed class TimeText(ClinicClock clock, IOptions<ClinicOptions> options)
{
    private static readonly ConcurrentDictionary<(string Language, string Region), Patterns> Cache = new();
    private readonly string _region = options.Value.Region;
    private readonly IOptions<ClinicOptions> _options = options;

    /// <summary>The culture whose conventions write dates for this reader: language plus the clinic's region where
    /// such a culture exists (en + US = en-US, es + US = es-US), else the language's own.</summary>
    public CultureInfo Culture => Current.Culture;

    /// <summary>The same words in a site's zone (<see cref="ClinicClock.For"/>): this one for the group's own zone or none.</summary>
    public TimeText In(string? timeZoneId)
    {
        var site = clock.For(timeZoneId);
        return ReferenceEquals(site, clock) ? this : new TimeText(site, _options) { IsOtherZone = true };
    }

    /// <summary>True for a site's zone that is not the group's own (<see cref="In"/>): times then name their zone
    /// wherever the group's would go without one.</summary>
    public bool IsOtherZone { get; private init; }

    /// <summary>The zone these times are in, as people say it ("Central Time").</summary>
    public string ZoneName => clock.ZoneName;

    /// <summary>"1:30 PM" (en-US), "13:30" (en-GB, zh).</summary>
    public string Time(DateTime utc) => Format(clock.ToLocal(utc), p => p.Time);

    public string Time(TimeOnly time) => time.ToString(Current.Time, Current.Culture);

    /// <summary>"Monday", "lunes", "星期一": a weekday's name in the reader's language.</summary>
    public string Weekday(DayOfWeek day) => Current.Culture.DateTimeFormat.GetDayName(day);

    /// <summary>"8:00 AM – 6:00 PM": opening hours, a range of wall-clock times.</summary>
    public string Hours(TimeOnly opens, TimeOnly closes) => $"{Time(opens)} – {Time(closes)}";

    /// <summary>"Monday, December 7" — a day this year or near it.</summary>
    public string Day(DateOnly date) => Format(date, p => p.Day);

    public string Day(DateTime utc) => Format(clock.ToLocal(utc), p => p.Day);

    /// <summary>"Monday, December 7, 2026".</summary>
    public string FullDay(DateOnly date) => Format(date, p => p.FullDay);

    public string FullDay(DateTime utc) => Format(clock.ToLocal(utc), p => p.FullDay);

    /// <summary>"December 7, 2026" (a birth date, a letter's date).</summary>
    public string Date(DateOnly date) => Format(date, p => p.Date);

    public string Date(DateTime utc) => Format(clock.ToLocal(utc), p => p.Date);

    /// <summary>"Dec 7, 2026" (tables).</summary>
    public string ShortDate(DateOnly date) => Format(date, p => p.ShortDate);

    public string ShortDate(DateTime utc) => Format(clock.ToLocal(utc), p => p.ShortDate);

    /// <summary>"Monday, December 7, 2026, 1:30 PM".</summary>
    public string When(DateTime utc) => WhenIn(CultureInfo.CurrentUICulture.Name, utc);

    /// <summary><see cref="When(DateTime)"/> for a reader of <paramref name="language"/> whatever the current culture
    /// (text stored in English for search and exports).</summary>
    public string WhenIn(string language, DateTime utc)
    {
        var p = PatternsFor(language);
        var local = clock.ToLocal(utc);
        return local.ToString(p.FullDay, p.Culture) + p.DateTimeSeparator + local.ToString(p.Time, p.Culture);
    }

    /// <summary>"Monday, December 7, 2026, 1:30 PM (Eastern Time)".</summary>
    public string WhenWithZone(DateTime utc) => $"{When(utc)} ({clock.ZoneName})";

    /// <summary>A time written by this instance, with its zone named only when it is not the group's own:
    /// <c>times.NamingOtherZone(times.Time(utc))</c> is "10:00 AM (Central Time)" at a Chicago site, "10:00 AM" at home.</summary>
    public string NamingOtherZone(string written) => IsOtherZone ? $"{written} ({clock.ZoneName})" : written;

    /// <summary>"Monday, December 7, 1:30 PM".</summary>
    public string DayAndTime(DateTime utc) => Joined(Day(utc), Time(utc));

    /// <summary>"Mon, Dec 7, 1:30 PM" (buttons, lists).</summary>
    public string ShortDayAndTime(DateTime utc) => Joined(Format(clock.ToLocal(utc), p => p.ShortDay), Time(utc));

    /// <summary>"Dec 7, 2026, 1:30 PM" (staff tables and timelines).</summary>
    public string ShortDateAndTime(DateTime utc) => Joined(ShortDate(utc), Time(utc));

    private Patterns Current => PatternsFor(CultureInfo.CurrentUICulture.Name);

    private Patterns PatternsFor(string language) => Cache.GetOrAdd((language, _region), key => Patterns.For(key.Language, key.Region));

    private string Format(DateTime local, Func<Patterns, string> pattern) => local.ToString(pattern(Current), Current.Culture);

    private string Format(DateOnly date, Func<Patterns, string> pattern) => date.ToString(pattern(Current), Current.Culture);

    private string Joined(string date, string time) => date + Current.DateTimeSeparator + time;

    /// <summary>The formatting culture for a language at the clinic's region; the patterns built from its own data.</summary>
    public static CultureInfo CultureFor(string language, string region)
    {
        var specific = $"{language}-{region}";
        return Known.Value.Contains(specific) ? CultureInfo.GetCultureInfo(specific) : CultureInfo.GetCultureInfo(language);
    }

    private static readonly Lazy<HashSet<string>> Known = new(() =>
        CultureInfo.GetCultures(CultureTypes.AllCultures).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase));

    private sealed record Patterns(CultureInfo Culture, string Time, string Day, string ShortDay, string FullDay, string Date, string ShortDate, string DateTimeSeparator)
    {
        public static Patterns For(string language, string region)
        {
            var culture = CultureFor(string.IsNullOrEmpty(language) ? SupportedLanguages.Default : language, region);
            var f = culture.DateTimeFormat;
            var full = f.LongDatePattern;                       // "dddd, MMMM d, yyyy" · "yyyy年M月d日dddd"
            var monthDay = f.MonthDayPattern;                   // "MMMM d" · "d 'de' MMMM" · "M月d日"
            var weekdayFirst = full.StartsWith("dddd", StringComparison.Ordinal);
            var weekdayLast = full.EndsWith("dddd", StringComparison.Ordinal);
            var day = weekdayFirst ? "dddd, " + monthDay : weekdayLast ? monthDay + "dddd" : monthDay;
            var date = WithoutWeekday(full);                    // "MMMM d, yyyy" · "yyyy年M月d日"
            // East Asian dates run straight into the time ("2026年12月7日星期一 13:30"); others take a comma.
            var separator = f.LongDatePattern.Contains('年', StringComparison.Ordinal) ? " " : ", ";
            // ICU puts a narrow no-break space before AM/PM ("1:30\u202FPM"): people type and search with a plain one.
            var time = f.ShortTimePattern.Replace('\u202F', ' ');
            return new Patterns(culture, time, day, Abbreviated(day), full, date, Abbreviated(date), separator);
        }

        private static string WithoutWeekday(string pattern) =>
            pattern.Replace("dddd, ", "", StringComparison.Ordinal).Replace("dddd ", "", StringComparison.Ordinal)
                .Replace("dddd", "", StringComparison.Ordinal).Trim(' ', ',');

        private static string Abbreviated(string pattern) =>
            pattern.Replace("dddd", "ddd", StringComparison.Ordinal).Replace("MMMM", "MMM", StringComparison.Ordinal);
    }
}

