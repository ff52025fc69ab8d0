namespace PatientExperience.Infrastructure.Seeding;

/// <summary>Section "DemoData". Honoured outside Production only.</summary>
public sealed class DemoDataOptions
{
    public const string Section = "DemoData";
    public const string DemoPassword = "Demo!Passw0rd2026";

    /// <summary>The demo FHIR client (secret <see cref="DemoPassword"/>, every scope).</summary>
    public const string DemoApiClientId = "demo-ehr";

    public bool Enabled { get; set; }
    public int Patients { get; set; } = 400;
    public int Seed { get; set; } = 20261122;

    /// <summary>A second site in another time zone ("Chicago Loop Clinic") with its own
    /// department and clinicians: on when running the portal locally (appsettings.Development.json), off for the tests
    /// of a single clinic; the tests of sites turn it on.</summary>
    public bool SecondSite { get; set; }
}
