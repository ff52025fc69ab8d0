using Microsoft.Extensions.Primitives;

namespace PatientExperience.Web.Fhir;

/// <summary>
/// The search parameters of one request, checked against what the resource type supports: an unknown parameter, a
/// repeated one (other than <c>start</c>), or a bad <c>_count</c> is refused with a message (400 OperationOutcome).
/// </summary>
public sealed class FhirQuery
{
    public const int DefaultCount = 50;
    public const int MaxCount = 200;

    /// <summary>Parameters every search takes: paging, and <c>_format</c> (JSON only).</summary>
    private static readonly string[] Common = ["_count", "_offset", "_format"];

    private readonly Dictionary<string, StringValues> _values;

    private FhirQuery(Dictionary<string, StringValues> values, int count, int offset)
    {
        _values = values;
        Count = count;
        Offset = offset;
    }

    public int Count { get; }
    public int Offset { get; }

    public string? One(string name) => _values.TryGetValue(name, out var v) ? v[0] : null;

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var v) ? [.. v.Select(s => s ?? string.Empty)] : [];

    /// <summary>The query, or the message that refuses it.</summary>
    public static (FhirQuery? Query, string? Error) Parse(IQueryCollection query, IReadOnlyCollection<string> supported, params string[] repeatable)
    {
        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (name, value) in query)
        {
            if (!supported.Contains(name) && !Common.Contains(name))
                return (null, $"Unknown search parameter '{Clip(name)}'. Supported: {string.Join(", ", supported.Concat(Common))}.");
            if (value.Count > 1 && !repeatable.Contains(name))
                return (null, $"Give '{name}' once.");
            values[name] = value;
        }
        if (values.TryGetValue("_format", out var format) && format[0] is not ("json" or "application/json" or FhirJson.ContentType))
            return (null, "Only JSON is supported (_format=json).");
        var count = DefaultCount;
        if (values.TryGetValue("_count", out var c)
            && (!int.TryParse(c[0], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxCount))
            return (null, $"_count must be a whole number from 1 to {MaxCount}.");
        var offset = 0;
        if (values.TryGetValue("_offset", out var o) && !int.TryParse(o[0], NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            return (null, "_offset must be a whole number of 0 or more.");
        return (new FhirQuery(values, count, offset), null);
    }

    /// <summary>The id in a reference parameter (<c>Practitioner/12</c> or <c>12</c>) for the given type; null when it cannot be one of ours.</summary>
    public static int? ReferenceId(string? value, string type)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        var id = value.StartsWith(type + "/", StringComparison.Ordinal) ? value[(type.Length + 1)..] : value;
        return Id(id);
    }

    /// <summary>One of our numeric ids, or null.</summary>
    public static int? Id(string? id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    /// <summary>The code of a token parameter (<c>code</c> or <c>system|code</c>).</summary>
    public static string Code(string value)
    {
        var bar = value.LastIndexOf('|');
        return bar >= 0 ? value[(bar + 1)..] : value;
    }

    /// <summary>
    /// The instants <c>start</c> values allow: [From, To). Prefixes ge, gt, le, lt, eq (none is eq); values are a date
    /// (a whole clinic-local day) or a date-time with an offset or Z (without one, clinic time).
    /// </summary>
    public static (DateTime? From, DateTime? To, string? Error) Range(IReadOnlyList<string> values, TimeZoneInfo zone, string parameter = "start")
    {
        DateTime? from = null, to = null;
        foreach (var raw in values)
        {
            // A '+' sent unencoded in a query string arrives as a space.
            var value = raw.Replace(' ', '+');
            // A prefix is two letters before the date (ge2026-11-24); anything else is read as a date.
            var prefixed = value.Length > 2 && char.IsAsciiLetter(value[0]) && char.IsAsciiLetter(value[1]) && char.IsAsciiDigit(value[2]);
            var prefix = prefixed ? value[..2] : "eq";
            var text = prefixed ? value[2..] : value;
            if (prefix is not ("eq" or "ge" or "gt" or "le" or "lt"))
                return (null, null, $"Unsupported prefix '{Clip(prefix)}' on {parameter}. Use ge, gt, le, lt or eq.");
            if (!TryInstant(text, zone, out var start, out var end))
                return (null, null, $"'{Clip(raw)}' is not a date (2026-12-08) or a date-time with an offset (2026-12-08T09:00:00-05:00).");
            switch (prefix)
            {
                case "ge": from = Later(from, start); break;
                case "gt": from = Later(from, end); break;
                case "lt": to = Earlier(to, start); break;
                case "le": to = Earlier(to, end); break;
                default: from = Later(from, start); to = Earlier(to, end); break;
            }
        }
        return (from, to, null);
    }

    /// <summary>The instants a date or date-time covers, [start, end), in UTC.</summary>
    private static bool TryInstant(string text, TimeZoneInfo zone, out DateTime start, out DateTime end)
    {
        start = end = default;
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (!SaneDates.Contains(day))
                return false;
            start = LocalToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
            end = LocalToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
            return true;
        }
        string[] withOffset = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];
        if (text.Length > 16 && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParseExact(text, withOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            start = instant.UtcDateTime;
        }
        else if (DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                 && !zone.IsInvalidTime(local))
        {
            start = TimeZoneInfo.ConvertTimeToUtc(local, zone);
        }
        else
        {
            return false;
        }
        if (!SaneDates.Contains(DateOnly.FromDateTime(start)))
            return false;
        // A date-time covers its precision: a second (a minute without seconds), so an instant read back from a
        // database that keeps microseconds still matches it.
        end = text.Contains('.', StringComparison.Ordinal) ? start.AddTicks(10) : text.Length <= 16 || text[16] != ':' ? start.AddMinutes(1) : start.AddSeconds(1);
        return true;
    }

    /// <summary>A clinic wall-clock time in UTC; a time skipped by a clock change counts from the hour after it.</summary>
    public static DateTime LocalToUtc(DateTime local, TimeZoneInfo zone)
    {
        for (var i = 0; i < 48 && zone.IsInvalidTime(local); i++)
            local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
    }

    private static DateTime? Later(DateTime? a, DateTime b) => a is { } x && x > b ? x : b;
    private static DateTime? Earlier(DateTime? a, DateTime b) => a is { } x && x < b ? x : b;

    /// <summary>Input echoed in a message, cut short.</summary>
    private static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
