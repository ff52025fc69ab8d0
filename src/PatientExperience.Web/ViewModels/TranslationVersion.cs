namespace PatientExperience.Web.ViewModels;

/// <summary>A version in one language: the saved one, or what the admin typed before an error; and the portal's own
/// translation of a name it ships (the default complaint topics), used while the admin has not written one.</summary>
public sealed record TranslationVersion(string Language, string? Text, string? Shipped);
