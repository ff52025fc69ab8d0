using Microsoft.AspNetCore.Mvc.Rendering;
using PatientExperience.Core.Auditing;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Patients;

namespace PatientExperience.Web.Controllers;

/// <summary>
/// Staff complaint work: intake while the caller is on the line, queues, the case page with its timeline,
/// and the workflow. Front desk (and managers, admins) log, view and settle low-severity ones at first contact;
/// managers and admins assign, escalate, respond and close. Every view is audited.
/// </summary>
[Route("complaints")]
public class ComplaintsController(
    ComplaintService complaints,
    ComplaintQueries queries,
    ComplaintPolicy policy,
    IComplaintStaffDirectory directory,
    PatientDirectory patients,
    StaffQueries staffQueries,
    Core.Appointments.AppointmentQueries appointments,
    Core.Departments.DepartmentCatalog departments,
    CurrentStaff staff,
    AuditTrail audit,
    ClinicClock clock,
    TimeText times,
    Letters.ComplaintLetters letters,
    IOptions<ClinicOptions> clinic,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string EntityType = nameof(Complaint);

    [HttpGet("")]
    [Authorize(Policy = ComplaintPolicies.Desk)]
    public async Task<IActionResult> Index(string? queue, CancellationToken cancellationToken)
    {
        var chosen = ParseQueue(queue);
        var staffId = await staff.IdAsync(cancellationToken);
        var counts = new Dictionary<ComplaintQueue, int>();
        foreach (var q in Enum.GetValues<ComplaintQueue>())
            counts[q] = q == chosen ? 0 : (await queries.QueueAsync(q, staffId, 0, cancellationToken)).Total;
        var (rows, total) = await queries.QueueAsync(chosen, staffId, ComplaintQueries.PageSize, cancellationToken);
        counts[chosen] = total;
        return View(new ComplaintQueueViewModel(chosen, rows, total, counts, clock.UtcNow));
    }

    /// <summary>The queue as CSV for a spreadsheet: references and dates, no complainant names or words.</summary>
    [HttpGet("export")]
    [Authorize(Policy = ComplaintPolicies.Desk)]
    public async Task<IActionResult> Export(string? queue, CancellationToken cancellationToken)
    {
        var chosen = ParseQueue(queue);
        var (rows, _) = await queries.QueueAsync(chosen, await staff.IdAsync(cancellationToken), null, cancellationToken);
        // Each complaint's times are its site's wall clock, the zone in the last column.
        var csv = new CsvWriter().Row("Reference", "Kind", "Status", "Severity", "Category", "Department", "Owner", "Received", "Due", "Resolved", "FirstContact", "TimeZone");
        foreach (var r in rows)
        {
            var site = clock.For(r.TimeZone);
            csv.Row(r.Reference, r.Kind.ToString(), r.Status.ToString(), r.Severity.ToString(), r.Category, r.Department, r.Owner,
                Local(site, r.ReceivedAtUtc), r.NextDueAtUtc is { } due ? Local(site, due) : "", r.ResolvedAtUtc is { } res ? Local(site, res) : "",
                r.ResolvedAtFirstContact ? "yes" : "no", site.Zone.Id);
        }
        await audit.RecordAndSaveAsync(AuditAction.Search, EntityType, "export:" + chosen, null, cancellationToken);
        return File(csv.ToUtf8WithBom(), "text/csv; charset=utf-8",
            $"complaints-{chosen.ToString().ToLowerInvariant()}-{clock.Today:yyyy-MM-dd}.csv");
    }

    [HttpGet("new")]
    [Authorize(Policy = ComplaintPolicies.Desk)]
    public async Task<IActionResult> New(int? patientId, string? q, CancellationToken cancellationToken) =>
        View(await IntakeModelAsync(new ComplaintForm { PatientId = patientId }, q, cancellationToken));

    [HttpPost("new")]
    [OnceOnly]
    [Authorize(Policy = ComplaintPolicies.Desk)]
    public async Task<IActionResult> New(ComplaintForm form, CancellationToken cancellationToken)
    {
        ReplaceBindingErrors();
        if (!ModelState.IsValid)
            return View(await IntakeModelAsync(form, null, cancellationToken));
        var result = await complaints.IntakeAsync(form.ToIntake(await staff.IdAsync(cancellationToken)), cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.AddResultErrors(result, localizer);
            return View(await IntakeModelAsync(form, null, cancellationToken));
        }
        return Redirect($"/complaints/{result.Value!.Id}/logged");
    }

    /// <summary>The read-back: the reference to give the caller, and what happens next.</summary>
    [HttpGet("{id:int}/logged")]
    [Authorize(Policy = ComplaintPolicies.Desk)]
    public async Task<IActionResult> Logged(int id, CancellationToken cancellationToken)
    {
        var model = await DetailsModelAsync(id, cancellationToken);
        if (model is null)
            return NotFound();
        await AuditViewAsync(model.Complaint, cancellationToken);
        return View(model);
    }

    [HttpGet("{id:int}")]
    [Authorize(Policy = ComplaintPolicies.Desk)]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var model = await DetailsModelAsync(id, cancellationToken);
        if (model is null)
            return NotFound();
        await AuditViewAsync(model.Complaint, cancellationToken);
        return View(model);
    }

    [HttpPost("{id:int}/first-contact")]
    [OnceOnly]
    [Authorize(Policy = ComplaintPolicies.Desk)]
    public async Task<IActionResult> FirstContact(int id, string? apology, CancellationToken cancellationToken) =>
        await AfterAsync(id, await complaints.ResolveAtFirstContactAsync(id, apology, await staff.IdAsync(cancellationToken), cancellationToken),
            "Resolved at first contact. It is still recorded and counted.", ("Apology", apology), cancellationToken);

    [HttpPost("{id:int}/note")]
    [OnceOnly]
    [Authorize(Policy = ComplaintPolicies.Desk)]
    public async Task<IActionResult> Note(int id, string? text, CancellationToken cancellationToken) =>
        await AfterAsync(id, await complaints.NoteAsync(id, text, toComplainant: false, await staff.IdAsync(cancellationToken), cancellationToken),
            "Note added. Only staff can see it.", ("NoteText", text), cancellationToken, errorField: "NoteText");

    [HttpPost("{id:int}/acknowledge")]
    [OnceOnly]
    [Authorize(Policy = Policies.Manager)]
    public async Task<IActionResult> Acknowledge(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await complaints.AcknowledgeAsync(id, await staff.IdAsync(cancellationToken), cancellationToken),
            "Acknowledged. The acknowledgement is emailed if they have an address; you can also print it.", null, cancellationToken);

    [HttpPost("{id:int}/assign")]
    [OnceOnly]
    [Authorize(Policy = Policies.Manager)]
    public async Task<IActionResult> Assign(int id, int? ownerId, CancellationToken cancellationToken) =>
        await AfterAsync(id, await complaints.AssignAsync(id, ownerId, await staff.IdAsync(cancellationToken), cancellationToken), "Owner changed.", null, cancellationToken);

    [HttpPost("{id:int}/investigate")]
    [OnceOnly]
    [Authorize(Policy = Policies.Manager)]
    public async Task<IActionResult> Investigate(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await complaints.InvestigateAsync(id, await staff.IdAsync(cancellationToken), cancellationToken), "Marked as being investigated.", null, cancellationToken);

    [HttpPost("{id:int}/await")]
    [OnceOnly]
    [Authorize(Policy = Policies.Manager)]
    public async Task<IActionResult> Await(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await complaints.AwaitPatientAsync(id, await staff.IdAsync(cancellationToken), cancellationToken),
            "Waiting for the complainant. The response clock is paused.", null, cancellationToken);

    [HttpPost("{id:int}/message")]
    [OnceOnly]
    [Authorize(Policy = Policies.Manager)]
    public async Task<IActionResult> Message(int id, string? text, CancellationToken cancellationToken) =>
        await AfterAsync(id, await complaints.NoteAsync(id, text, toComplainant: true, await staff.IdAsync(cancellationToken), cancellationToken),
            "Message sent to the complainant.", ("MessageText", text), cancellationToken, errorField: "MessageText");

    [HttpPost("{id:int}/close")]
    [OnceOnly]
    [Authorize(Policy = Policies.Manager)]
    public async Task<IActionResult> Close(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await complaints.CloseAsync(id, await staff.IdAsync(cancellationToken), cancellationToken), "Closed.", null, cancellationToken);

    [HttpPost("{id:int}/reopen")]
    [OnceOnly]
    [Authorize(Policy = Policies.Manager)]
    public async Task<IActionResult> Reopen(int id, string? reason, CancellationToken cancellationToken) =>
        await AfterAsync(id, await complaints.ReopenAsync(id, reason, await staff.IdAsync(cancellationToken), cancellationToken),
            "Reopened. A new response deadline runs from today.", ("Reason", reason), cancellationToken);

    [HttpPost("{id:int}/agree")]
    [OnceOnly]
    [Authorize(Policy = Policies.Manager)]
    public async Task<IActionResult> Agree(int id, string? agreedDate, CancellationToken cancellationToken)
    {
        DateOnly? date = DateOnly.TryParseExact(agreedDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && SaneDates.Contains(d) ? d : null;
        var result = string.IsNullOrWhiteSpace(agreedDate) || date is not null
            ? await complaints.AgreeDeadlineAsync(id, date, await staff.IdAsync(cancellationToken), cancellationToken)
            : Result.Invalid(new ValidationError("AgreedDate", "Enter the date as year-month-day, for example 2027-01-15."));
        return await AfterAsync(id, result, "Response date agreed.", ("AgreedDate", agreedDate), cancellationToken);
    }

    [HttpPost("{id:int}/outcome")]
    [OnceOnly]
    [Authorize(Policy = Policies.Manager)]
    public async Task<IActionResult> Outcome(int id, string? outcome, CancellationToken cancellationToken) =>
        await AfterAsync(id, await complaints.RecordOutcomeAsync(id, outcome, await staff.IdAsync(cancellationToken), cancellationToken),
            "Outcome recorded. The case is resolved.", ("Outcome", outcome), cancellationToken);

    [HttpPost("{id:int}/escalate")]
    [OnceOnly]
    [Authorize(Policy = Policies.Manager)]
    public async Task<IActionResult> Escalate(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await complaints.EscalateAsync(id, await staff.IdAsync(cancellationToken), cancellationToken),
            "Escalated. The department's manager has been emailed.", null, cancellationToken);

    [HttpGet("{id:int}/respond")]
    [Authorize(Policy = Policies.Manager)]
    public async Task<IActionResult> Respond(int id, CancellationToken cancellationToken)
    {
        var complaint = await queries.CaseAsync(id, cancellationToken);
        if (complaint is null)
            return NotFound();
        await AuditViewAsync(complaint, cancellationToken);
        var me = await staff.MemberAsync(cancellationToken) is { } member ? $"{member.FirstName} {member.LastName}, {member.JobTitle}" : null;
        return View(new ComplaintRespondViewModel(complaint, new WrittenResponseForm
        {
            ContactName = me,
            TakeItFurther = localizer["If you are not happy with this response, you can ask the clinic director to review it, or contact the health ombudsman for your area."].Value,
        }));
    }

    [HttpPost("{id:int}/respond")]
    [OnceOnly]
    [Authorize(Policy = Policies.Manager)]
    public async Task<IActionResult> Respond(int id, WrittenResponseForm form, CancellationToken cancellationToken)
    {
        var result = await complaints.RespondAsync(id, form.ToResponse(), await staff.IdAsync(cancellationToken), cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        if (result.IsSuccess)
        {
            TempData["Message"] = localizer["Written response sent. It is emailed if they have an address; print it for post."].Value;
            return Redirect($"/complaints/{id}");
        }
        ModelState.AddResultErrors(result, localizer);
        var complaint = await queries.CaseAsync(id, cancellationToken);
        return complaint is null ? NotFound() : View(new ComplaintRespondViewModel(complaint, form));
    }

    [HttpGet("{id:int}/letters/acknowledgement")]
    [Authorize(Policy = ComplaintPolicies.Desk)]
    public Task<IActionResult> AcknowledgementLetter(int id, CancellationToken cancellationToken) => LetterAsync(id, AcknowledgementKind, pdf: false, cancellationToken);

    /// <summary>The acknowledgement as a PDF to print and post (issue 15 item 21).</summary>
    [HttpGet("{id:int}/letters/acknowledgement.pdf")]
    [Authorize(Policy = ComplaintPolicies.Desk)]
    public Task<IActionResult> AcknowledgementLetterPdf(int id, CancellationToken cancellationToken) => LetterAsync(id, AcknowledgementKind, pdf: true, cancellationToken);

    [HttpGet("{id:int}/letters/response")]
    [Authorize(Policy = ComplaintPolicies.Desk)]
    public Task<IActionResult> ResponseLetter(int id, CancellationToken cancellationToken) => LetterAsync(id, ResponseKind, pdf: false, cancellationToken);

    [HttpGet("{id:int}/letters/response.pdf")]
    [Authorize(Policy = ComplaintPolicies.Desk)]
    public Task<IActionResult> ResponseLetterPdf(int id, CancellationToken cancellationToken) => LetterAsync(id, ResponseKind, pdf: true, cancellationToken);

    private const string AcknowledgementKind = "acknowledgement";
    private const string ResponseKind = "response";

    /// <summary>A complaint letter as a print page or a PDF, drawn from the same <see cref="Letters.ComplaintLetters"/> letter.</summary>
    private async Task<IActionResult> LetterAsync(int id, string kind, bool pdf, CancellationToken cancellationToken)
    {
        var complaint = await queries.CaseAsync(id, cancellationToken);
        if (complaint is null || (kind == ResponseKind && !complaint.HasWrittenResponse))
            return NotFound();
        await AuditViewAsync(complaint, cancellationToken);
        var letter = kind == ResponseKind
            ? letters.Response(complaint, Complainant(complaint))
            : letters.Acknowledgement(complaint, Complainant(complaint),
                await policy.DeadlinesForAsync(complaint.DepartmentId, complaint.AppointmentId, cancellationToken));
        if (pdf)
            return File(Infrastructure.Letters.LetterPdf.Write(letter, clinic.Value.Region), "application/pdf", Letters.ComplaintLetters.FileName(complaint, kind));
        return View("Letter", new LetterPageViewModel(letter, $"/complaints/{id}", $"/complaints/{id}/letters/{kind}.pdf"));
    }

    [HttpPost("{id:int}/address")]
    [OnceOnly]
    [Authorize(Policy = ComplaintPolicies.Desk)]
    public async Task<IActionResult> Address(int id, string? postalAddress, CancellationToken cancellationToken) =>
        await AfterAsync(id, await complaints.SetPostalAddressAsync(id, postalAddress, await staff.IdAsync(cancellationToken), cancellationToken),
            "Postal address saved.", ("PostalAddress", postalAddress), cancellationToken);

    private async Task<IActionResult> AfterAsync(int id, Result result, string success, (string Field, string? Value)? entered, CancellationToken cancellationToken, string? errorField = null)
    {
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        if (result.IsSuccess)
        {
            TempData["Message"] = localizer[success].Value;
            return Redirect($"/complaints/{id}");
        }
        // Show the page again with the message beside the field and what was typed kept.
        foreach (var error in result.Errors)
            ModelState.AddModelError(errorField ?? (string.IsNullOrEmpty(error.Field) ? string.Empty : error.Field), localizer[error.Message]);
        if (entered is { } e)
            ViewData["Entered." + e.Field] = e.Value;
        var model = await DetailsModelAsync(id, cancellationToken);
        if (model is null)
            return NotFound();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Details", model);
    }

    private Task AuditViewAsync(Complaint complaint, CancellationToken cancellationToken) =>
        audit.RecordAndSaveAsync(AuditAction.View, EntityType, complaint.Id.ToString(CultureInfo.InvariantCulture), complaint.PatientId, cancellationToken);

    private async Task<ComplaintDetailsViewModel?> DetailsModelAsync(int id, CancellationToken cancellationToken)
    {
        var complaint = await queries.CaseAsync(id, cancellationToken);
        if (complaint is null)
            return null;
        var events = await queries.EventsAsync(id, cancellationToken);
        var visit = complaint.AppointmentId is { } a && await queries.VisitAsync(a, cancellationToken) is { } v
            ? $"{v.Service}, {VisitTime(v.StartUtc, v.TimeZone)}" : null;
        var owners = (await directory.OwnersAsync(cancellationToken))
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture), o.Id == complaint.OwnerId)).ToList();
        var deadlines = await policy.DeadlinesForAsync(complaint.DepartmentId, complaint.AppointmentId, cancellationToken);
        var mayManage = User.IsInRole(Roles.Manager) || User.IsInRole(Roles.Admin);
        return new ComplaintDetailsViewModel(complaint, Complainant(complaint),
            complaint.Patient?.Email ?? complaint.ComplainantEmail, complaint.Patient?.Phone ?? complaint.ComplainantPhone,
            complaint.ConcernedStaffMember?.FullName, visit, events, owners, deadlines.Pack, await policy.ReopenDaysAsync(cancellationToken), mayManage,
            clock.UtcNow, complaint.IsOpen ? deadlines.ProgressLetterDueUtc(complaint.ReceivedAtUtc) : null, deadlines.Calendar.Zone.Id);
    }

    private async Task<ComplaintIntakeViewModel> IntakeModelAsync(ComplaintForm form, string? q, CancellationToken cancellationToken)
    {
        Patient? patient = form.PatientId is { } pid ? await patients.FindAsync(pid, cancellationToken) : null;
        if (patient is null)
            form.PatientId = null;
        var hits = string.IsNullOrWhiteSpace(q) ? null : await patients.SearchAsync(q, cancellationToken);
        var categories = Options(await queries.ActiveCategoriesAsync(cancellationToken));
        var departmentList = (await departments.SelectListAsync(cancellationToken)).ToList();
        var staffList = Options(await staffQueries.ActiveWithJobsAsync(cancellationToken));
        var visits = new List<SelectListItem>();
        if (patient is not null)
        {
            var rows = await appointments.RecentOfPatientAsync(patient.Id, cancellationToken);
            visits.AddRange(rows.Select(r => new SelectListItem($"{times.ShortDateAndTime(r.StartUtc)} – {r.Service}", r.Id.ToString(CultureInfo.InvariantCulture))));
            await audit.RecordAndSaveAsync(AuditAction.View, nameof(Patient), patient.Id.ToString(CultureInfo.InvariantCulture), patient.Id, cancellationToken);
        }
        return new ComplaintIntakeViewModel(form, q, hits, patient, categories, departmentList, staffList, visits);
    }

    private static List<SelectListItem> Options(IEnumerable<NamedChoice> choices) =>
        [.. choices.Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture)))];

    private void ReplaceBindingErrors()
    {
        ModelState.ReplaceBindingError(nameof(ComplaintForm.Channel), localizer["Choose how the complaint came in."]);
        ModelState.ReplaceBindingError(nameof(ComplaintForm.Severity), localizer["Choose how serious it is."]);
        ModelState.ReplaceBindingError(nameof(ComplaintForm.CategoryId), localizer["Choose what the complaint is about."]);
        ModelState.ReplaceBindingError(nameof(ComplaintForm.DepartmentId), localizer["Choose a department from the list."]);
        ModelState.ReplaceBindingError(nameof(ComplaintForm.ConcernedStaffMemberId), localizer["Choose a staff member from the list."]);
        ModelState.ReplaceBindingError(nameof(ComplaintForm.AppointmentId), localizer["Choose one of the patient's visits from the list."]);
        if (ModelState.ReplaceBindingError(nameof(ComplaintForm.PatientId), localizer["Find the patient again: that record was not found."]))
        {
            // No field shows the patient: say it at the top of the form.
            ModelState.Remove(nameof(ComplaintForm.PatientId));
            ModelState.AddModelError(string.Empty, localizer["Find the patient again: that record was not found."]);
        }
    }

    private static string Complainant(Complaint c) => c.Patient is { } p ? $"{p.FirstName} {p.LastName}" : c.ComplainantName ?? "";

    private static ComplaintQueue ParseQueue(string? queue) =>
        Enum.TryParse<ComplaintQueue>(queue, ignoreCase: true, out var q) && Enum.IsDefined(q) ? q : ComplaintQueue.Open;

    /// <summary>A visit's time in its site's zone, the zone named when it is not the group's.</summary>
    private string VisitTime(DateTime startUtc, string? timeZone)
    {
        var site = times.In(timeZone);
        return site.NamingOtherZone(site.ShortDateAndTime(startUtc));
    }

    private static string Local(ClinicClock site, DateTime utc) => site.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
