namespace PatientExperience.Core.Common;

/// <summary>Lengths and limits written once: EF configurations and validators both read them.</summary>
public static class SchemaLimits
{
    public const int NameLength = 100;
    public const int ShortTextLength = 200;
    public const int EmailLength = 256;
    public const int PhoneLength = 32;
    public const int PhoneMinDigits = 6;
    public const int LanguageLength = 16;
    public const int ReferenceLength = 20;
    public const int SummaryLength = 500;
    public const int DescriptionLength = 1000;
    /// <summary>A street address on a few lines.</summary>
    public const int AddressLength = 300;
    /// <summary>An IANA time zone id ("America/Argentina/ComodRivadavia" is among the longest).</summary>
    public const int TimeZoneLength = 64;
    public const int UserIdLength = 450;
    public const int EntityTypeLength = 64;
    public const int EntityIdLength = 64;
    public const int ServiceMinMinutes = 5;
    public const int ServiceMaxMinutes = 480;
    public const int OldestPatientYears = 130;
    public const int PasswordMinLength = 12;
}
