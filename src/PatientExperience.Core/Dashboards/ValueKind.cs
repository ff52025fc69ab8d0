namespace PatientExperience.Core.Dashboards;

/// <summary>How a value is shown (the web layer formats; the CSV uses the same formatting).</summary>
public enum ValueKind
{
    /// <summary>Text shown as it is (names, ISO dates).</summary>
    Text,
    /// <summary>English text the page translates (e.g. small-sample notes).</summary>
    Note,
    Count,
    /// <summary>A share 0..1 shown as a percentage with one decimal.</summary>
    Percent,
    /// <summary>Whole minutes.</summary>
    Minutes,
    /// <summary>A number with one decimal (mean rating).</summary>
    OneDecimal,
    /// <summary>A signed whole score (NPS).</summary>
    Score,
    /// <summary>
    /// A 95% <see cref="Dashboards.Interval"/> ("40.1–49.9%", "−3 to 27"), or the English reason there is none (a
    /// string, translated like <see cref="Note"/>).
    /// </summary>
    Interval,
}

