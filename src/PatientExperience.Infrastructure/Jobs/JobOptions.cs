namespace PatientExperience.Infrastructure.Jobs;

/// <summary>Section "Jobs:{Name}": whether a periodic job runs in this instance, and how often.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    public bool Enabled { get; set; } = true;
    public double IntervalSeconds { get; set; }
}
