using PatientExperience.Core.Patients;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.Controllers;

/// <summary>The signed-in patient's open surveys, shown on their own page.</summary>
[ViewComponent(Name = "PendingSurveys")]
public sealed class SurveyPendingViewComponent(SurveyService surveys, CurrentPatient currentPatient) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var patientId = await currentPatient.IdAsync(HttpContext.RequestAborted);
        IReadOnlyList<PendingSurvey> pending = patientId is null ? [] : await surveys.PendingAsync(patientId.Value, HttpContext.RequestAborted);
        return View(pending);
    }
}
