using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.ViewModels;

public sealed class DraftQuestionForm
{
    public string? Key { get; set; }
    public string? Dimension { get; set; }
    public QuestionType? Type { get; set; }
    public string? Text { get; set; }
    public bool IsKey { get; set; }
    public int Order { get; set; }
    public bool Retire { get; set; }

    public DraftQuestion ToDraft() => new(Key, Dimension, Type, Text, IsKey, Order, Retire);
}
