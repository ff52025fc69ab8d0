namespace PatientExperience.Web.Fhir;

/// <summary>Section "Fhir".</summary>
public sealed class FhirOptions
{
    public const string Section = "Fhir";

    /// <summary>How long an access token works (15 minutes).</summary>
    public int TokenLifetimeSeconds { get; set; } = 900;

    /// <summary>Token requests per client address per minute.</summary>
    public int TokenPerMinute { get; set; } = 20;

    /// <summary>API requests per client address per minute.</summary>
    public int ApiPerMinute { get; set; } = 300;
}
