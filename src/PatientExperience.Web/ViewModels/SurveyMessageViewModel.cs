using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Common;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.ViewModels;

public sealed record SurveyMessageViewModel(string Title, string Message);
