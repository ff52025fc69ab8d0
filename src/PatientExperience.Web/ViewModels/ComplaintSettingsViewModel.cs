using PatientExperience.Core.Complaints;

namespace PatientExperience.Web.ViewModels;

public sealed record ComplaintSettingsViewModel(string PolicyPack, int ReopenDays, bool Stored, string ConfiguredPack, IReadOnlyList<ComplaintCategory> Categories, string? NewCategory);
