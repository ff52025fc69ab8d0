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
}
