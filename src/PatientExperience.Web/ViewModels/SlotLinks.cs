namespace PatientExperience.Web.ViewModels;

public static class SlotLinks
{
    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>A slot time as the links write it, and only inside <see cref="PatientExperience.Core.Common.SaneDates"/>.</summary>
    public static bool TryParse(string? text, out DateTime utc) =>
        DateTime.TryParseExact(text, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out utc)
        && PatientExperience.Core.Common.SaneDates.Contains(utc);
}
