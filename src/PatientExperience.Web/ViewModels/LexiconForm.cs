using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.ViewModels;

public sealed class LexiconForm
{
    [Display(Name = "Language")]
    public string? Language { get; set; }

    [Display(Name = "What it means")]
    public LexiconKind? Kind { get; set; }

    [Display(Name = "Theme")]
    public CommentTheme? Theme { get; set; }

    [Display(Name = "Word or phrase")]
    public string? Term { get; set; }
}
