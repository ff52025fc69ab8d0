namespace PatientExperience.Core.Patients;

/// <summary>How a patient wants messages about their visits (one choice for all kinds in this slice).</summary>
public enum VisitMessages
{
    Email = 0,
    Text = 1,
    Both = 2,
}
