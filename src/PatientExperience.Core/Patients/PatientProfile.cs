using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;

namespace PatientExperience.Core.Patients;

/// <summary>What a signed-in patient may change about themselves without calling the clinic.</summary>
public sealed record UpdateMyDetails(string? Phone, string? PreferredLanguage, bool ContactByEmail, bool ContactBySms, bool ContactByPhone);

public sealed class UpdateMyDetailsValidator : AbstractValidator<UpdateMyDetails>
{
    public UpdateMyDetailsValidator()
    {
        RuleFor(x => x.Phone).NotEmpty().WithMessage("Enter a phone number we can reach you on.").PhoneNumber();
        RuleFor(x => x.PreferredLanguage).Must(SupportedLanguages.IsSupported).WithMessage("Choose a language from the list.");
        RuleFor(x => x).Must(x => x.ContactByEmail || x.ContactBySms || x.ContactByPhone)
            .OverridePropertyName(nameof(UpdateMyDetails.ContactByEmail))
            .WithMessage("Leave at least one way for us to reach you.");
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
        if (!check.IsValid)
            return Result.Invalid(check.ToErrors());
        var patient = await db.Patients.AsTracking().FirstOrDefaultAsync(p => p.Id == patientId, cancellationToken);
        if (patient is null)
            return Result.NotFound();
        patient.UpdateDetails(patient.FirstName, patient.LastName, patient.DateOfBirth, details.Phone!, patient.Email, details.PreferredLanguage!);
        patient.SetContactPreferences(details.ContactByEmail, details.ContactBySms, details.ContactByPhone);
        db.Interactions.Add(new Interaction(patient.Id, null, InteractionChannel.Web, InteractionKind.Note,
            "Updated their contact details", time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
