using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Common;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.ViewModels;

public sealed class DraftForm
{
    public List<DraftQuestionForm> Questions { get; set; } = [];
    public DraftQuestionForm New { get; set; } = new();
}
