using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;

namespace PatientExperience.Core.Patients;

/// <summary>What a signed-in patient may change about themselves without calling the clinic.</summary>
/// <param name="ContactByEmail">Optional email (surveys after a visit). Messages about their own visits and complaints always go to the email on file.</param>
/// <param name="ContactByPhone">Staff may phone them; needed when there is no email on file, or nothing would reach them.</param>
public sealed record UpdateMyDetails(string? Phone, string? PreferredLanguage, bool ContactByEmail, bool ContactByPhone);

public sealed class UpdateMyDetailsValidator : AbstractValidator<UpdateMyDetails>
{
    public UpdateMyDetailsValidator()
    {
        RuleFor(x => x.Phone).NotEmpty().WithMessage("Enter a phone number we can reach you on.").PhoneNumber();
        RuleFor(x => x.PreferredLanguage).Must(SupportedLanguages.IsSupported).WithMessage("Choose a language from the list.");
    }
}

/// <summary>
/// Phone, language and how we may contact you. Name, date of birth and email identify the patient,
/// so staff change those after checking who is asking.
/// </summary>
public sealed class PatientProfile(IAppDbContext db, IValidator<UpdateMyDetails> validator, TimeProvider time)
{
    public async Task<Result> UpdateAsync(int patientId, UpdateMyDetails details, CancellationToken cancellationToken)
    {
        var check = await validator.ValidateAsync(details, cancellationToken);
        var patient = await db.Patients.AsTracking().FirstOrDefaultAsync(p => p.Id == patientId, cancellationToken);
        if (patient is null)
            return Result.NotFound();
        // A patient always gets what they need through a channel they can receive: email when we have one, else a phone call.
        var errors = check.ToErrors().ToList();
        if (patient.Email is null && !details.ContactByPhone)
            errors.Add(new ValidationError(nameof(UpdateMyDetails.ContactByPhone), "We have no email address for you, so we need to be able to phone you."));
        if (errors.Count > 0)
            return Result.Invalid(errors);
        patient.UpdateDetails(patient.FirstName, patient.LastName, patient.DateOfBirth, details.Phone!, patient.Email, details.PreferredLanguage!);
        patient.SetContactPreferences(details.ContactByEmail, details.ContactByPhone);
        db.Interactions.Add(new Interaction(patient.Id, null, InteractionChannel.Web, InteractionKind.Note,
            TimelineSentence.Of("Updated their contact details"), time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
