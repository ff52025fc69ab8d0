namespace PatientExperience.Core.Appointments;

/// <summary>
/// The waitlist: a freed time is offered to the longest-waiting matching patient, held for a
/// short while; the first to confirm gets it, and an expired hold passes to the next in line.
/// </summary>
public sealed partial class WaitlistService(
    IAppDbContext db,
    Availability availability,
    BookingService booking,
    IAppointmentNotifier notifier,
    ClinicClock clock,
    PhoneFormat phones,
    IOptions<BookingOptions> options,
    ILogger<WaitlistService> logger) : IPeriodicJob
{
    /// <summary>The patient's entries still waiting for a time.</summary>
    public async Task<IReadOnlyList<WaitlistRow>> WaitingAsync(int? patientId, CancellationToken cancellationToken) =>
        await db.WaitlistEntries.AsNoTracking()
            .Where(e => e.PatientId == patientId && e.Status == WaitlistStatus.Waiting)
            .Join(db.ClinicServices, e => e.ServiceId, s => s.Id, (e, s) => new WaitlistRow(e.Id, s.Name, e.From, e.To))
            .ToListAsync(cancellationToken);

    public async Task<Result<int>> JoinAsync(JoinWaitlist request, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var service = request.ServiceId is { } sid ? await availability.ServiceAsync(sid, cancellationToken) : null;
        if (service is null)
            errors.Add(new ValidationError("ServiceId", "Choose the service you are waiting for."));
        // The days are the service's site's days: "today" there, not in the group's zone.
        var today = clock.For(service?.TimeZone).Today;
        var from = request.From ?? today;
        var to = request.To ?? today.AddDays(options.Value.HorizonDays);
        if (from < today)
            errors.Add(new ValidationError("From", "The first day cannot be in the past."));
        if (to < from)
            errors.Add(new ValidationError("To", "The last day cannot be before the first."));
        if (to > today.AddDays(options.Value.HorizonDays))
            errors.Add(new ValidationError("To", $"We book up to {options.Value.HorizonDays} days ahead. Choose an earlier last day."));
        if (service is not null && request.ClinicianId is { } cid && (await availability.CliniciansAsync(service.Id, cancellationToken)).All(c => c.Id != cid))
            errors.Add(new ValidationError("ClinicianId", "Choose a clinician from the list."));
        if (errors.Count > 0)
            return Result<int>.Invalid(errors);
        if (await db.WaitlistEntries.AnyAsync(e => e.PatientId == request.PatientId && e.ServiceId == service!.Id && e.Status == WaitlistStatus.Waiting, cancellationToken))
            return Result<int>.Invalid(new ValidationError("ServiceId", "You are already on the waitlist for this service."));

        var entry = new WaitlistEntry(request.PatientId, service!.Id, request.ClinicianId, from, to, clock.UtcNow);
        db.WaitlistEntries.Add(entry);
        db.Interactions.Add(new Interaction(request.PatientId, request.StaffMemberId, request.StaffMemberId is null ? InteractionChannel.Web : InteractionChannel.Phone,
            InteractionKind.Note, TimelineSentence.Of("Joined the waitlist for {0}", service.Name), clock.UtcNow));
        await db.SaveChangesAsync(cancellationToken);
        return Result<int>.Success(entry.Id);
    }

    public async Task<Result> WithdrawAsync(int entryId, int patientId, CancellationToken cancellationToken)
    {
        var entry = await db.WaitlistEntries.AsTracking().FirstOrDefaultAsync(e => e.Id == entryId && e.PatientId == patientId, cancellationToken);
        if (entry is null)
            return Result.NotFound();
        entry.Withdraw();
        await db.SaveChangesAsync(cancellationToken);
        // A time held for this patient passes to the next in line at once rather than when the hold runs out.
        var open = await db.WaitlistOffers.AsNoTracking().Where(o => o.EntryId == entryId && o.Status == OfferStatus.Open)
            .Select(o => new { o.Id, o.ClinicianId, o.StartUtc }).ToListAsync(cancellationToken);
        foreach (var offer in open)
        {
            if (await EndHoldAsync(offer.Id, OfferStatus.Expired, cancellationToken) && offer.StartUtc > clock.UtcNow)
                await OfferAsync(entry.ServiceId, offer.ClinicianId, offer.StartUtc, cancellationToken);
        }
        return Result.Success();
    }

    /// <summary>Offers a freed time to the next matching patient who has not been offered it yet.</summary>
    public async Task<bool> OfferAsync(int serviceId, int clinicianId, DateTime startUtc, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        // An open hold's cells make its time busy, so one slot search answers both "still free?" and "already held?".
        if (await availability.FindSlotAsync(serviceId, clinicianId, startUtc, null, cancellationToken) is not { } slot)
            return false;
        var day = DateOnly.FromDateTime((await availability.ClockForServiceAsync(serviceId, cancellationToken)).ToLocal(startUtc));
        var alreadyOffered = db.WaitlistOffers.Where(o => o.ClinicianId == clinicianId && o.StartUtc == startUtc).Select(o => o.EntryId);
        var candidates = await db.WaitlistEntries.AsNoTracking()
            .Where(e => e.Status == WaitlistStatus.Waiting && e.ServiceId == serviceId && (e.ClinicianId == null || e.ClinicianId == clinicianId)
                        && e.From <= day && e.To >= day && !alreadyOffered.Contains(e.Id))
            .OrderBy(e => e.JoinedAtUtc).ThenBy(e => e.Id)
            .Take(20)
            .ToListAsync(cancellationToken);
        foreach (var entry in candidates)
        {
            var busy = await db.Appointments.AnyAsync(a => a.PatientId == entry.PatientId && a.Status != AppointmentStatus.Cancelled
                && a.StartUtc < slot.EndUtc && slot.StartUtc < a.EndUtc, cancellationToken);
            var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == entry.PatientId, cancellationToken);
            if (busy || patient.Email is null)
                continue;
            var (byEmail, byText) = patient.Channels(Patients.MessageKind.Waitlist, phones.CanText(patient.Phone));
            var (token, hash) = WaitlistOffer.NewToken();
            var offer = new WaitlistOffer(entry.Id, clinicianId, startUtc, hash, now, options.Value.WaitlistHold);
            var view = await DescribeAsync(serviceId, clinicianId, cancellationToken);
            await using (var transaction = await db.BeginTransactionAsync(cancellationToken))
            {
                // Refused: another instance offered the same time a moment earlier (one open hold per time is a unique
                // index), or someone booked it meanwhile (the cells): nothing of this offer was saved, its email included.
                if (!await db.TryCommitAsync(transaction, async ct =>
                    {
                        db.WaitlistOffers.Add(offer);
                        await db.SaveChangesAsync(ct);
                        // The hold takes the clinician's cells, so nobody else can book the time while it is held.
                        var owner = TimeCell.ForClinician(clinicianId);
                        foreach (var cell in TimeCell.Cover(slot.BlockStartUtc, slot.BlockEndUtc))
                            db.TimeCells.Add(TimeCell.Held(owner, cell, offer.Id));
                        notifier.WaitlistOffer(new WaitlistOfferNotice(patient.FirstName, patient.Email, patient.PreferredLanguage, view.Service, view.Clinician, view.Department,
                            startUtc, offer.ExpiresAtUtc, token, patient.Id, byText ? patient.Phone : null, byEmail, view.TimeZone));
                        db.Interactions.Add(new Interaction(entry.PatientId, null, InteractionChannel.Email, InteractionKind.Message,
                            TimelineSentence.Of("Offered a freed time from the waitlist: {0}", view.Service), now));
                        await db.SaveChangesAsync(ct);
                    }, cancellationToken,
                    refusalExplained: async ct => await HeldAsync(clinicianId, startUtc, ct)
                        || await availability.FindSlotAsync(serviceId, clinicianId, startUtc, null, ct) is null))
                    return false;
            }
            LogOffered(offer.Id, entry.Id);
            return true;
        }
        return false;
    }

    public async Task<OfferView?> FindOfferAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
            return null;
        var hash = WaitlistOffer.Hash(token);
        var offer = await db.WaitlistOffers.AsNoTracking().Include(o => o.Entry).FirstOrDefaultAsync(o => o.TokenHash == hash, cancellationToken);
        if (offer is null)
            return null;
        var view = await DescribeAsync(offer.Entry!.ServiceId, offer.ClinicianId, cancellationToken);
        var firstName = await db.Patients.Where(p => p.Id == offer.Entry.PatientId).Select(p => p.FirstName).FirstAsync(cancellationToken);
        return new OfferView(offer, view.Service, view.Clinician, view.Department, firstName, view.TimeZone);
    }

    /// <summary>The one-click confirm: books the held time if the hold is still good.</summary>
    public async Task<(AcceptOutcome Outcome, int? AppointmentId)> AcceptAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
            return (AcceptOutcome.NotFound, null);
        var hash = WaitlistOffer.Hash(token);
        var offer = await db.WaitlistOffers.AsNoTracking().Include(o => o.Entry).FirstOrDefaultAsync(o => o.TokenHash == hash, cancellationToken);
        if (offer is null)
            return (AcceptOutcome.NotFound, null);
        if (offer.Status == OfferStatus.Accepted)
            return (AcceptOutcome.Booked, offer.AppointmentId);
        if (!offer.IsOpen(clock.UtcNow))
            return (offer.Status == OfferStatus.Gone ? AcceptOutcome.Gone : AcceptOutcome.Expired, null);

        var entry = offer.Entry!;
        // The booking takes the hold up and closes the waitlist entry in its own transaction: all of it lands or none.
        var result = await booking.BookAsync(new BookAppointment(entry.PatientId, entry.ServiceId, offer.ClinicianId, offer.StartUtc, InteractionChannel.Web, null, offer.Id),
            (_, ct) => db.WaitlistEntries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, WaitlistStatus.Booked), ct), cancellationToken);
        if (!result.IsSuccess)
        {
            // The patient could not take it (another visit at that time, say): the hold ends and the time passes on.
            if (await EndHoldAsync(offer.Id, OfferStatus.Gone, cancellationToken) && offer.StartUtc > clock.UtcNow)
                await OfferAsync(entry.ServiceId, offer.ClinicianId, offer.StartUtc, cancellationToken);
            return (AcceptOutcome.Gone, null);
        }
        LogAccepted(offer.Id, result.AppointmentId!.Value);
        return (AcceptOutcome.Booked, result.AppointmentId);
    }

    /// <summary>Expired holds pass the time to the next patient in line.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var expired = await db.WaitlistOffers.AsNoTracking()
            .Where(o => o.Status == OfferStatus.Open && o.ExpiresAtUtc <= now)
            .OrderBy(o => o.ExpiresAtUtc).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.Entry!.ServiceId, o.ClinicianId, o.StartUtc })
            .Take(50).ToListAsync(cancellationToken);
        var handled = 0;
        foreach (var offer in expired)
        {
            // Claimed by a conditional UPDATE: when several instances sweep at once, one of them passes the time on.
            if (!await EndHoldAsync(offer.Id, OfferStatus.Expired, cancellationToken))
                continue;
            handled++;
            if (offer.StartUtc > now && await OfferAsync(offer.ServiceId, offer.ClinicianId, offer.StartUtc, cancellationToken))
                handled++;
        }
        return handled;
    }

    /// <summary>
    /// Ends an open hold and frees the time it held, in one transaction. The conditional UPDATE decides who ends it
    /// when a sweep, a click and a withdrawal meet: false when it had already ended.
    /// </summary>
    private async Task<bool> EndHoldAsync(int offerId, OfferStatus status, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var mine = await db.WaitlistOffers.Where(o => o.Id == offerId && o.Status == OfferStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, status), cancellationToken);
        if (mine != 1)
            return false;
        await db.ReleaseHoldCellsAsync(offerId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private Task<bool> HeldAsync(int clinicianId, DateTime startUtc, CancellationToken cancellationToken) =>
        db.WaitlistOffers.AnyAsync(o => o.ClinicianId == clinicianId && o.StartUtc == startUtc && o.Status == OfferStatus.Open, cancellationToken);

    private sealed record OfferDescription(string Service, string Clinician, string Department, string? TimeZone);

    private async Task<OfferDescription> DescribeAsync(int serviceId, int clinicianId, CancellationToken cancellationToken)
    {
        var service = await db.ClinicServices.AsNoTracking().Where(s => s.Id == serviceId)
            .Select(s => new { s.Name, Department = s.Department!.Name, s.Department.Site!.TimeZone }).FirstAsync(cancellationToken);
        var clinician = await db.StaffMembers.AsNoTracking().Where(s => s.Id == clinicianId).Select(s => s.FirstName + " " + s.LastName).FirstAsync(cancellationToken);
        return new OfferDescription(service.Name, clinician, service.Department, service.TimeZone);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waitlist offer {OfferId} made to entry {EntryId}")]
    private partial void LogOffered(int offerId, int entryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waitlist offer {OfferId} accepted as appointment {AppointmentId}")]
    private partial void LogAccepted(int offerId, int appointmentId);
}

