using PhoneNumbers;

namespace PatientExperience.Core.Common;

/// <summary>
/// The one way phone numbers are read, stored and shown (libphonenumber): typed any way, read in the clinic's country
/// (<see cref="ClinicOptions.Region"/>) unless they start with +, stored in E.164 ("+15550100100"), shown to people in
/// the national format ("(555) 010-0100"), or international for a number from another country.
/// </summary>
public sealed class PhoneFormat(IOptions<ClinicOptions> options)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private readonly string _region = options.Value.Region;

    /// <summary>The clinic's country, e.g. "US".</summary>
    public string Region => _region;

    /// <summary>The number in E.164, or null when it is not a phone number that can be dialled.</summary>
    public string? ToE164(string? typed)
    {
        var number = Parse(typed);
        return number is null ? null : Util.Format(number, PhoneNumberFormat.E164);
    }

    public bool IsValid(string? typed) => Parse(typed) is not null;

    /// <summary>Stored in E.164 already (a number kept as typed because it could not be read is not).</summary>
    public static bool IsE164(string? stored) =>
        stored is { Length: > 2 } && stored[0] == '+' && stored.Skip(1).All(char.IsAsciiDigit);

    /// <summary>
    /// Can this number get a text? A valid number that is not known to be a landline, toll-free, premium or shared line.
    /// In North America mobile and landline numbers look alike, so any valid number there may get texts.
    /// </summary>
    public bool CanText(string? stored)
    {
        var number = Parse(stored);
        if (number is null)
            return false;
        return Util.GetNumberType(number) is not (PhoneNumberType.FIXED_LINE or PhoneNumberType.TOLL_FREE
            or PhoneNumberType.PREMIUM_RATE or PhoneNumberType.SHARED_COST or PhoneNumberType.PAGER
            or PhoneNumberType.UAN or PhoneNumberType.VOICEMAIL);
    }

    /// <summary>For people: "(555) 010-0100" in the clinic's country, "+44 7700 900123" from elsewhere; a number that
    /// cannot be read is shown as it was typed.</summary>
    public string Display(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
            return string.Empty;
        var number = Parse(stored);
        if (number is null)
            return stored;
        return Util.GetRegionCodeForNumber(number) == _region || (number.CountryCode == Util.GetCountryCodeForRegion(_region) && IsFictional(number))
            ? Util.Format(number, PhoneNumberFormat.NATIONAL)
            : Util.Format(number, PhoneNumberFormat.INTERNATIONAL);
    }

    /// <summary>The clinic's number as people write it, everywhere it is written (pages, emails, texts, letters, calendar
    /// files, the error page): the site's own (E.164) when there is one, else the group's (<c>Clinic:Phone</c>, read from
    /// however it was configured). "(555) 010-0100" at home, international from abroad.</summary>
    public string SiteOrGroup(string? siteE164, string groupPhone) => Display(siteE164 ?? groupPhone);

    private PhoneNumber? Parse(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > SchemaLimits.PhoneLength)
            return null;
        try
        {
            var number = Util.Parse(typed.Trim(), _region);
            return Util.IsValidNumber(number) || IsFictional(number) ? number : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// North America's 555 numbers are kept for films, books and demos (ours: "555 010 0123"). libphonenumber calls them
    /// invalid; we accept them when they have the right length so the demo clinic and its tests can use them.
    /// </summary>
    private static bool IsFictional(PhoneNumber number) =>
        number.CountryCode == 1 && number.NationalNumber is >= 5_550_000_000UL and <= 5_559_999_999UL;
}
