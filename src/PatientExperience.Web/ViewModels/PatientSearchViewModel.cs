using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Staff;

namespace PatientExperience.Web.ViewModels;

public sealed record PatientSearchViewModel(string? Query, IReadOnlyList<PatientSearchHit> Hits)
{
    public bool Searched => !string.IsNullOrWhiteSpace(Query);
    public bool TooShort => Searched && Query!.Trim().Length < PatientDirectory.MinQueryLength;
}
