namespace PatientExperience.Core.Staff;

/// <summary>
/// Where a clinician's hours can be worked, for the "Where" list of their hours form: their own department (named by
/// its site) and every other active department, "Department — Site". <see cref="Shown"/> when the group has two or
/// more active sites; with one, every hour is worked at home and the form is as it was.
/// </summary>
public sealed record HoursPlaces(bool Shown, string OwnSite, IReadOnlyList<NamedChoice> Others);
