using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Auditing;
using PatientExperience.Core.Interactions;
using Appointment = Hl7.Fhir.Model.Appointment;

namespace PatientExperience.Web.Fhir;

/// <summary>
/// FHIR writes: <c>POST /fhir/Appointment</c> books, <c>PATCH</c> (JSON Patch on <c>/status</c>) and <c>PUT</c> with
/// status cancelled cancel. Both go through <see cref="BookingService"/>, the code the pages use: the database decides a
/// race for a time (409), the patient is told by email or text as from the pages, and the audit entry naming the client is
/// written in the booking's own transaction. Needs <c>system/Appointment.write</c>.
/// </summary>
public sealed partial class FhirController
{
    /// <summary>Largest request body a write takes (an Appointment is a few kilobytes).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    [HttpPost("fhir/Appointment")]
    public async Task<IActionResult> Book(CancellationToken cancellationToken)
    {
        var (caller, refusal) = await CallerAsync("Appointment", cancellationToken, "write");
        if (caller is null)
            return refusal!;
        var (resource, bad) = await ResourceBodyAsync(cancellationToken);
        if (resource is null)
            return bad!;
        if (resource is not Appointment proposed)
            return BadRequest($"POST /fhir/Appointment takes an Appointment, not a {resource.TypeName}.");

        if (Request.Headers.TryGetValue("If-None-Exist", out var condition) && !string.IsNullOrWhiteSpace(condition))
        {
            var existing = await ExistingAsync(condition.ToString(), cancellationToken);
            if (existing.Refusal is not null)
                return existing.Refusal;
            if (existing.Found is not null)
                return new FhirResult(existing.Found);
        }

        var (request, invalid) = await BookingRequestAsync(proposed, cancellationToken);
        if (request is null)
            return Unprocessable(invalid!);
        var result = await booking.BookAsync(request, (appointment, _) =>
        {
            audit.RecordApiClient(caller.Client.Id, AuditAction.Create, nameof(Appointment), Key(appointment.Id), appointment.PatientId);
            return System.Threading.Tasks.Task.CompletedTask;
        }, cancellationToken);
        switch (result.Status)
        {
            case BookingStatus.Booked:
                var created = (await directory.AppointmentAsync(result.AppointmentId!.Value, cancellationToken))!;
                Response.Headers.Location = $"{BaseUrl}/Appointment/{created.Id}";
                return new FhirResult(created, StatusCodes.Status201Created);
            case BookingStatus.NotFound:
                return Unprocessable($"Patient/{request.PatientId} or HealthcareService/{request.ServiceId} is not known.");
            case BookingStatus.SlotTaken:
                return Clash("That time is not free: it was taken, or it is not offered. Search Slot for the free times.");
            case BookingStatus.PatientBusy:
                return Clash("The patient already has an appointment at that time.");
            case BookingStatus.NotSaved:
                return Clash("The booking could not be saved, and nothing changed. Try again in a moment.");
            default:
                return Unprocessable(result.Message ?? "The booking was refused.");
        }
    }

    /// <summary>Cancels with a JSON Patch: <c>[{"op":"replace","path":"/status","value":"cancelled"}]</c>, optionally with a <c>/cancelationReason</c>.</summary>
    [HttpPatch("fhir/Appointment/{id}")]
    public async Task<IActionResult> Patch(string? id, CancellationToken cancellationToken)
    {
        var (caller, refusal) = await CallerAsync("Appointment", cancellationToken, "write");
        if (caller is null)
            return refusal!;
        var (body, tooBig) = await BodyAsync(cancellationToken);
        if (body is null)
            return tooBig!;
        string? status = null, reason = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                return BadRequest(PatchHelp);
            foreach (var operation in document.RootElement.EnumerateArray())
            {
                if (operation.ValueKind != JsonValueKind.Object
                    || !operation.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.String
                    || !operation.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.String
                    || !operation.TryGetProperty("value", out var value))
                    return BadRequest(PatchHelp);
                if (op.GetString() is not ("replace" or "add"))
                    return Unprocessable(PatchHelp);
                switch (path.GetString())
                {
                    case "/status" when value.ValueKind == JsonValueKind.String:
                        status = value.GetString();
                        break;
                    case "/cancelationReason" when value.ValueKind == JsonValueKind.Object && value.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String:
                        reason = text.GetString();
                        break;
                    default:
                        return Unprocessable(PatchHelp);
                }
            }
        }
        catch (JsonException)
        {
            return BadRequest("The body is not JSON. " + PatchHelp);
        }
        if (status != "cancelled")
            return Unprocessable(PatchHelp);
        return await CancelAsync(caller, id, reason, cancellationToken);
    }

    /// <summary>Cancels with the whole Appointment, its status set to cancelled (anything else in it is not changed).</summary>
    [HttpPut("fhir/Appointment/{id}")]
    public async Task<IActionResult> Put(string? id, CancellationToken cancellationToken)
    {
        var (caller, refusal) = await CallerAsync("Appointment", cancellationToken, "write");
        if (caller is null)
            return refusal!;
        var (resource, bad) = await ResourceBodyAsync(cancellationToken);
        if (resource is null)
            return bad!;
        if (resource is not Appointment appointment)
            return BadRequest($"PUT /fhir/Appointment/{{id}} takes an Appointment, not a {resource.TypeName}.");
        if (appointment.Id != id)
            return BadRequest("The Appointment's id must be the id in the address.");
        if (appointment.Status != Appointment.AppointmentStatus.Cancelled)
            return Unprocessable("Only cancelling is supported: send the Appointment with status cancelled (and a cancelationReason if you like).");
        return await CancelAsync(caller, id, appointment.CancelationReason?.Text, cancellationToken);
    }

    private const string PatchHelp =
        "Only cancelling is supported: send a JSON Patch such as [{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"cancelled\"}], with {\"op\":\"add\",\"path\":\"/cancelationReason\",\"value\":{\"text\":\"…\"}} if you like.";

    /// <summary>
    /// Cancels as the front desk does, through <see cref="BookingService.CancelAsync(int, int?, string?, bool, int?, Func{Core.Appointments.Appointment, CancellationToken, System.Threading.Tasks.Task}?, CancellationToken)"/>,
    /// but never past the cancellation cut-off: there the front desk needs a person's reason for the exception. Cancelling a
    /// cancelled visit again answers it unchanged.
    /// </summary>
    private async Task<IActionResult> CancelAsync(FhirCaller caller, string? id, string? reason, CancellationToken cancellationToken)
    {
        var appointmentId = FhirQuery.Id(id);
        var current = appointmentId is null ? null : await appointments.FindAsync(appointmentId.Value, cancellationToken);
        if (current is null)
            return FhirJson.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"Appointment/{Clip(id ?? string.Empty)} is not known.");
        if (current.Status == Core.Appointments.AppointmentStatus.Cancelled)
            return new FhirResult((await directory.AppointmentAsync(current.Id, cancellationToken))!);
        reason = string.IsNullOrWhiteSpace(reason) ? $"Cancelled by {caller.Client.Name} through the FHIR API" : reason.Trim();
        if (reason.Length > Core.Appointments.Appointment.ReasonLength)
            return Unprocessable($"Keep the cancelationReason to {Core.Appointments.Appointment.ReasonLength} characters.");
        var result = await booking.CancelAsync(current.Id, null, reason, staffOverride: false, staffMemberId: null, (appointment, _) =>
        {
            audit.RecordApiClient(caller.Client.Id, AuditAction.Update, nameof(Appointment), Key(appointment.Id), appointment.PatientId);
            return System.Threading.Tasks.Task.CompletedTask;
        }, cancellationToken);
        return result.Status switch
        {
            BookingStatus.Booked => new FhirResult((await directory.AppointmentAsync(current.Id, cancellationToken))!),
            BookingStatus.NotFound => FhirJson.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"Appointment/{current.Id} is not known."),
            BookingStatus.PastCutoff => Unprocessable(string.Create(CultureInfo.InvariantCulture,
                $"This visit starts within {bookingOptions.Value.CancelCutoff.TotalHours:0.#} hours: inside the cancellation cut-off only the front desk can cancel it, with a reason for the exception.")),
            BookingStatus.NotSaved => Clash("The cancellation could not be saved, and nothing changed. Try again in a moment."),
            _ => Unprocessable(result.Message ?? "This appointment can no longer be changed."),
        };
    }

    /// <summary>What to book from a proposed Appointment, or why it cannot be booked.</summary>
    private async Task<(BookAppointment? Request, string? Error)> BookingRequestAsync(Appointment proposed, CancellationToken cancellationToken)
    {
        if (proposed.Status is not (null or Appointment.AppointmentStatus.Proposed or Appointment.AppointmentStatus.Pending or Appointment.AppointmentStatus.Booked))
            return (null, "A new Appointment's status is proposed, pending or booked.");
        var actors = proposed.Participant.Select(p => p.Actor?.Reference).OfType<string>().ToList();
        var patients = actors.Where(r => r.StartsWith("Patient/", StringComparison.Ordinal)).ToList();
        if (patients.Count != 1 || FhirQuery.ReferenceId(patients[0], "Patient") is not { } patientId)
            return (null, "Name one patient as a participant: {\"actor\":{\"reference\":\"Patient/{id}\"}}.");
        var practitioners = actors.Where(r => r.StartsWith("Practitioner/", StringComparison.Ordinal)).ToList();
        var services = actors.Where(r => r.StartsWith("HealthcareService/", StringComparison.Ordinal)).ToList();
        if (practitioners.Count > 1 || services.Count > 1)
            return (null, "Name at most one Practitioner and one HealthcareService as participants.");
        int? clinicianId = practitioners.Count == 1 ? FhirQuery.ReferenceId(practitioners[0], "Practitioner") ?? -1 : null;
        int? serviceId = services.Count == 1 ? FhirQuery.ReferenceId(services[0], "HealthcareService") ?? -1 : null;
        serviceId ??= proposed.ServiceType.SelectMany(c => c.Coding).Where(c => c.System is null or FhirDirectory.ServiceSystem)
            .Select(c => FhirQuery.Id(c.Code)).FirstOrDefault(i => i is not null);
        // A Slot's id names its clinician, service and start.
        if (proposed.Slot.Select(s => s.Reference).OfType<string>().FirstOrDefault() is { } slot)
        {
            var parts = (slot.StartsWith("Slot/", StringComparison.Ordinal) ? slot[5..] : slot).Split('-');
            if (parts.Length != 3 || FhirQuery.Id(parts[0]) is not { } slotClinician || FhirQuery.Id(parts[1]) is not { } slotService)
                return (null, $"'{Clip(slot)}' is not one of this server's Slots.");
            if ((clinicianId is not null && clinicianId != slotClinician) || (serviceId is not null && serviceId != slotService))
                return (null, "The Slot and the participants name different clinicians or services.");
            clinicianId = slotClinician;
            serviceId = slotService;
        }
        if (serviceId is null)
            return (null, "Say which service: a HealthcareService participant, a serviceType from /fhir/HealthcareService, or a Slot.");
        if (proposed.Start is not { } start)
            return (null, "Give the start of a free Slot (an instant with an offset).");
        if (!SaneDates.Contains(start))
            return (null, "The start is not a date this clinic could book.");
        var service = await catalog.FindServiceAsync(serviceId.Value, cancellationToken);
        if (service is null)
            return (null, $"HealthcareService/{serviceId} is not known.");
        if (proposed.End is { } end && (!SaneDates.Contains(end) || end - start != TimeSpan.FromMinutes(service.DurationMinutes)))
            return (null, string.Create(CultureInfo.InvariantCulture, $"The end must be {service.DurationMinutes} minutes after the start, as the free Slot's is."));
        if (clinicianId == -1)
            return (null, "The Practitioner participant is not one of this server's.");
        return (new BookAppointment(patientId, service.Id, clinicianId, start.UtcDateTime, InteractionChannel.Web, null), null);
    }

    /// <summary>Conditional create: an Appointment search in <c>If-None-Exist</c> that finds one answers it instead of booking.</summary>
    private async Task<(Resource? Found, IActionResult? Refusal)> ExistingAsync(string condition, CancellationToken cancellationToken)
    {
        var parsed = new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(condition.StartsWith('?') ? condition : "?" + condition));
        var (query, error) = FhirQuery.Parse(parsed, Kinds["Appointment"].SearchParameters, "date", "_lastUpdated");
        if (query is null)
            return (null, BadRequest("If-None-Exist: " + error));
        var (page, searchError) = await directory.AppointmentsAsync(query, cancellationToken);
        if (page is null)
            return (null, BadRequest("If-None-Exist: " + searchError));
        return page.Total switch
        {
            0 => (null, null),
            1 => (page.Resources[0], null),
            _ => (null, FhirJson.Outcome(StatusCodes.Status412PreconditionFailed, OperationOutcome.IssueType.Duplicate, "If-None-Exist matches more than one Appointment.")),
        };
    }

    /// <summary>The request body as a FHIR resource, or the 400 or 413 that refuses it.</summary>
    private async Task<(Resource? Resource, IActionResult? Refusal)> ResourceBodyAsync(CancellationToken cancellationToken)
    {
        var (body, tooBig) = await BodyAsync(cancellationToken);
        if (body is null)
            return (null, tooBig);
        if (string.IsNullOrWhiteSpace(body))
            return (null, BadRequest("Send the resource as FHIR JSON in the body."));
        try
        {
            return JsonSerializer.Deserialize<Resource>(body, FhirJson.Options) is { } resource
                ? (resource, null)
                : (null, BadRequest("Send the resource as FHIR JSON in the body."));
        }
        catch (Exception e) when (e is JsonException or DeserializationFailedException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            var detail = e is DeserializationFailedException failed
                ? string.Join(" ", failed.Exceptions.Take(3).Select(x => x.Message))
                : e.Message;
            return (null, BadRequest("The body is not a valid FHIR R4 JSON resource: " + Clip(detail, 400)));
        }
    }

    /// <summary>The body as text, at most <see cref="MaxBodyBytes"/>; null with a 413 when it is longer.</summary>
    private async Task<(string? Body, IActionResult? Refusal)> BodyAsync(CancellationToken cancellationToken)
    {
        var tooBig = FhirJson.Outcome(StatusCodes.Status413PayloadTooLarge, OperationOutcome.IssueType.TooCostly, $"The body is larger than {MaxBodyBytes / 1024} KB.");
        if (Request.ContentLength > MaxBodyBytes)
            return (null, tooBig);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
                return (null, tooBig);
            buffer.Write(chunk, 0, read);
        }
        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static FhirResult Unprocessable(string message) => FhirJson.Outcome(StatusCodes.Status422UnprocessableEntity, OperationOutcome.IssueType.Processing, message);

    private static FhirResult Clash(string message) => FhirJson.Outcome(StatusCodes.Status409Conflict, OperationOutcome.IssueType.Conflict, message);

    private static string Clip(string text, int length) => text.Length > length ? text[..length] + "…" : text;
}
