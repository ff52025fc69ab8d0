using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Staff;

namespace PatientExperience.Web.ViewModels;

/// <param name="PhoneCanText">The number on file can get texts, so text is offered.</param>
public sealed record MyDetailsViewModel(Patient Patient, MyDetailsForm Form, bool PhoneCanText);
