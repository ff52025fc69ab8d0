using PatientExperience.Core.Auditing;

namespace PatientExperience.Core.Patients;

/// <summary>Front-desk registration of a caller who has no record yet.</summary>
public sealed class CallerRegistration(IAppDbContext db, IValidator<RegisterCaller> validator, AuditTrail audit, ClinicClock clock, PhoneFormat phones)
{
    public async Task<Result<int>> RegisterAsync(RegisterCaller request, int? staffMemberId, InteractionChannel channel, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
            return Result<int>.Invalid(validation.ToErrors());

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var patient = new Patient(request.FirstName!, request.LastName!, request.DateOfBirth!.Value, phones.ToE164(request.Phone)!, request.Email, SupportedLanguages.Default);
        db.Patients.Add(patient);
        await db.SaveChangesAsync(cancellationToken);
        patient.AssignReference();
        db.Interactions.Add(new Interaction(patient.Id, staffMemberId, channel, InteractionKind.Registration,
            TimelineSentence.Of(channel == InteractionChannel.Phone ? "Registered over the phone" : "Registered at reception"), clock.UtcNow));
        await audit.RecordAsync(AuditAction.Create, nameof(Patient), patient.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), patient.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<int>.Success(patient.Id);
    }

    /// <summary>A call or counter visit that is not a booking: still on the timeline.</summary>
    public async Task<Result> LogContactAsync(int patientId, int? staffMemberId, InteractionChannel channel, string? summary, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(summary))
            return Result.Invalid(new ValidationError("Summary", "Write a few words about the call."));
        if (summary.Length > SchemaLimits.SummaryLength)
            return Result.Invalid(new ValidationError("Summary", $"Keep it to {SchemaLimits.SummaryLength} characters or fewer."));
        if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Patients, p => p.Id == patientId, cancellationToken))
            return Result.NotFound();
        db.Interactions.Add(new Interaction(patientId, staffMemberId, channel, channel == InteractionChannel.Phone ? InteractionKind.Call : InteractionKind.Visit,
            summary.Trim(), clock.UtcNow));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
