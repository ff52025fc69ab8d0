namespace PatientExperience.Web.ViewModels;

/// <param name="Places">Where hours can be worked: the form has a "Where" list per row when <see cref="HoursPlaces.Shown"/>.</param>
public sealed record HoursPageViewModel(int StaffId, string Name, HoursForm Form, HoursPlaces Places);
