using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;

namespace PatientExperience.Web.Controllers;

/// <summary>A signed-in patient's own complaints: file one, follow it, read and send messages. Another patient's id is a 404.</summary>
[Authorize(Policy = Policies.Patient)]
[Route("my/complaints")]
public class ComplaintPortalController(
    Core.Appointments.AppointmentQueries appointments,
    ComplaintService complaints,
    ComplaintQueries queries,
    ComplaintPolicy policy,
    CurrentPatient currentPatient,
    TimeText times,
    Letters.ComplaintLetters letters,
    Localization.PatientNames names,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (await currentPatient.IdAsync(cancellationToken) is not { } patientId)
            return NotFound();
        return View(await queries.ForPatientAsync(patientId, cancellationToken));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken)
    {
        if (await currentPatient.IdAsync(cancellationToken) is not { } patientId)
            return NotFound();
        return View(await FormModelAsync(new PatientComplaintForm(), patientId, cancellationToken));
    }

    [HttpPost("new")]
    [OnceOnly]
    [EnableRateLimiting(ComplaintPolicies.WebRateLimit)]
    public async Task<IActionResult> New(PatientComplaintForm form, CancellationToken cancellationToken)
    {
        if (await currentPatient.IdAsync(cancellationToken) is not { } patientId)
            return NotFound();
        ModelState.ReplaceBindingError(nameof(form.CategoryId), localizer["Choose what the complaint is about."]);
        ModelState.ReplaceBindingError(nameof(form.AppointmentId), localizer["Choose one of your visits from the list."]);
        if (!ModelState.IsValid)
            return View(await FormModelAsync(form, patientId, cancellationToken));
        var departmentId = form.AppointmentId is { } a
            ? await appointments.DepartmentOfOwnAsync(a, patientId, cancellationToken)
            : null;
        var result = await complaints.IntakeAsync(new ComplaintIntake(patientId, null, null, null, InteractionChannel.Web, form.CategoryId, ComplaintSeverity.Medium,
            form.WhatHappened, form.OutcomeWanted, form.AppointmentId, departmentId, null, null), cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.AddResultErrors(result, localizer);
            return View(await FormModelAsync(form, patientId, cancellationToken));
        }
        TempData["Message"] = localizer["Thank you. Your complaint is logged with reference {0}.", result.Value!.Reference].Value;
        return Redirect($"/my/complaints/{result.Value.Id}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(id, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{id:int}/message")]
    [OnceOnly]
    public async Task<IActionResult> Message(int id, string? text, CancellationToken cancellationToken)
    {
        if (await currentPatient.IdAsync(cancellationToken) is not { } patientId)
            return NotFound();
        var result = await complaints.PatientMessageAsync(id, patientId, text, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        if (result.IsSuccess)
        {
            TempData["Message"] = localizer["Message sent. We will reply here and by email."].Value;
            return Redirect($"/my/complaints/{id}");
        }
        foreach (var error in result.Errors)
            ModelState.AddModelError("Text", localizer[error.Message]);
        ViewData["Entered.Text"] = text;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Details", await ModelAsync(id, cancellationToken));
    }

    [HttpGet("{id:int}/letter")]
    public async Task<IActionResult> Letter(int id, CancellationToken cancellationToken)
    {
        if (await currentPatient.IdAsync(cancellationToken) is not { } patientId)
            return NotFound();
        var complaint = await queries.OwnAnsweredAsync(id, patientId, cancellationToken);
        if (complaint is null)
            return NotFound();
        return View("~/Views/Complaints/Letter.cshtml", new LetterPageViewModel(letters.Response(complaint, complaint.Patient!.FullName), $"/my/complaints/{id}", null));
    }

    private async Task<PatientComplaintViewModel?> ModelAsync(int id, CancellationToken cancellationToken)
    {
        if (await currentPatient.IdAsync(cancellationToken) is not { } patientId)
            return null;
        if (await queries.OwnAsync(id, patientId, cancellationToken) is not { } own)
            return null;
        var deadlines = await policy.DeadlinesForAsync(own.Complaint.DepartmentId, own.Complaint.AppointmentId, cancellationToken);
        return new PatientComplaintViewModel(own.Complaint, own.Messages, deadlines.Calendar.Zone.Id);
    }

    private async Task<PatientComplaintFormViewModel> FormModelAsync(PatientComplaintForm form, int patientId, CancellationToken cancellationToken)
    {
        var categories = (await queries.ActiveCategoriesAsync(cancellationToken))
            .Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        var rows = await appointments.RecentOfPatientAsync(patientId, cancellationToken);
        var visits = rows.Select(r => new SelectListItem($"{times.ShortDateAndTime(r.StartUtc)} – {names[r.Service]}", r.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        return new PatientComplaintFormViewModel(form, categories, visits);
    }
}
