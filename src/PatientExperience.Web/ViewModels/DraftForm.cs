namespace PatientExperience.Web.ViewModels;

public sealed class DraftForm
{
    public List<DraftQuestionForm> Questions { get; set; } = [];
    public DraftQuestionForm New { get; set; } = new();
}
