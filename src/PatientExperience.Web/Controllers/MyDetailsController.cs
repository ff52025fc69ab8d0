using Microsoft.AspNetCore.Identity;
using PatientExperience.Core.Patients;
using PatientExperience.Infrastructure.Identity;

namespace PatientExperience.Web.Controllers;

/// <summary>A patient changes their phone, language and how we may contact them.</summary>
[Authorize(Policy = Policies.Patient)]
[Route("my/details")]
public class MyDetailsController(
    CurrentPatient currentPatient,
    PatientProfile profile,
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    PhoneFormat phones,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var patient = await PatientAsync(cancellationToken);
        if (patient is null)
            return NotFound();
        var form = new MyDetailsForm
        {
            Phone = phones.Display(patient.Phone),
            PreferredLanguage = patient.PreferredLanguage,
            ContactByEmail = patient.ContactByEmail,
            ContactByPhone = patient.ContactByPhone,
            Messages = patient.ChosenVisitMessages,
            Reminders = patient.ReminderMessages == patient.ChosenVisitMessages ? null : patient.ReminderMessages,
            Surveys = patient.SurveyMessages,
            Complaints = patient.ComplaintMessages,
            Waitlist = patient.WaitlistMessages == patient.ChosenVisitMessages ? null : patient.WaitlistMessages,
        };
        return View(new MyDetailsViewModel(patient, form, phones.CanText(patient.Phone)));
    }

    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Save(MyDetailsForm form, CancellationToken cancellationToken)
    {
        var patient = await PatientAsync(cancellationToken);
        if (patient is null)
            return NotFound();
        // A choice that is not on the list ("Fax") cannot be read at all: say so in the page's words, change nothing.
        var unreadable = ModelState.ReplaceBindingError("Form.Surveys", localizer["Choose how you want the survey after a visit."])
                         | ModelState.ReplaceBindingError("Form.Complaints", localizer["Choose how you want us to confirm a complaint."])
                         | ModelState.ReplaceBindingError("Form.Waitlist", localizer["Choose how you want offers of an earlier time."]);
        if (unreadable)
            return View("Index", new MyDetailsViewModel(patient, form, phones.CanText(patient.Phone)));
        var result = await profile.UpdateAsync(patient.Id,
            new UpdateMyDetails(form.Phone, form.PreferredLanguage, form.ContactByEmail, form.ContactByPhone, form.Messages, form.Reminders,
                form.Surveys, form.Complaints, form.Waitlist), cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.AddResultErrors(result, localizer, "Form.");
            return View("Index", new MyDetailsViewModel(patient, form, phones.CanText(patient.Phone) || phones.CanText(form.Phone)));
        }
        // The language lives in the sign-in cookie: renew it so the next page is in the new language.
        var user = await users.GetUserAsync(User);
        if (user is not null)
            await signIn.RefreshSignInAsync(user);
        // Said in the language just chosen: the next page is in it, so the message must be too.
        using (new CultureScope(SupportedLanguages.IsSupported(form.PreferredLanguage) ? form.PreferredLanguage! : CultureInfo.CurrentUICulture.Name))
            TempData["Message"] = localizer["Your details are saved."].Value;
        return Redirect("/my");
    }

    private Task<Patient?> PatientAsync(CancellationToken cancellationToken) => currentPatient.RecordAsync(cancellationToken);
}
