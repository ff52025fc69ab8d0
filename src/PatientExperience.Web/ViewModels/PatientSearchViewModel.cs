using PatientExperience.Core.Patients;

namespace PatientExperience.Web.ViewModels;

public sealed record PatientSearchViewModel(string? Query, IReadOnlyList<PatientSearchHit> Hits)
{
    public bool Searched => !string.IsNullOrWhiteSpace(Query);
    public bool TooShort => Searched && Query!.Trim().Length < PatientDirectory.MinQueryLength;
}
