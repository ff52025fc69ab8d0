using PatientExperience.Core.Patients;

namespace PatientExperience.Web.ViewModels;

/// <param name="PhoneCanText">The number on file can get texts, so text is offered.</param>
public sealed record MyDetailsViewModel(Patient Patient, MyDetailsForm Form, bool PhoneCanText);
