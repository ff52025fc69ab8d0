namespace PatientExperience.Core.Patients;

/// <summary>
/// Phone, language and how we may contact you. Name, date of birth and email identify the patient,
/// so staff change those after checking who is asking.
/// </summary>
public sealed class PatientProfile(IAppDbContext db, IValidator<UpdateMyDetails> validator, TimeProvider time, PhoneFormat phones)
{
    public async Task<Result> UpdateAsync(int patientId, UpdateMyDetails details, CancellationToken cancellationToken)
    {
        var check = await validator.ValidateAsync(details, cancellationToken);
        var patient = await db.Patients.AsTracking().FirstOrDefaultAsync(p => p.Id == patientId, cancellationToken);
        if (patient is null)
            return Result.NotFound();
        // A patient always gets what they need through a channel they can receive: email when we have one, else a phone call.
        var errors = check.ToErrors().ToList();
        var phone = phones.ToE164(details.Phone);
        var wantsText = details.Messages is VisitMessages.Text or VisitMessages.Both;
        if (!Enum.IsDefined(details.Messages))
            errors.Add(new ValidationError(nameof(UpdateMyDetails.Messages), "Choose how you want messages about your visits."));
        else if (wantsText && phone is not null && !phones.CanText(phone))
            errors.Add(new ValidationError(nameof(UpdateMyDetails.Messages), "This number cannot get text messages. Give a mobile number, or choose email."));
        else if (details.Reminders is { } reminders && !Enum.IsDefined(reminders))
            errors.Add(new ValidationError(nameof(UpdateMyDetails.Reminders), "Choose how you want reminders."));
        else if (details.Reminders is VisitMessages.Text or VisitMessages.Both && phone is not null && !phones.CanText(phone))
            errors.Add(new ValidationError(nameof(UpdateMyDetails.Reminders), "This number cannot get text messages. Give a mobile number, or choose email."));
        else if (OtherKinds(details).FirstOrDefault(k => !Enum.IsDefined(k.Choice)) is { Field: not null } undefined)
            errors.Add(new ValidationError(undefined.Field, undefined.Message));
        else if (OtherKinds(details).FirstOrDefault(k => k.Choice is VisitMessages.Text or VisitMessages.Both && phone is not null && !phones.CanText(phone)) is { Field: not null } noText)
            errors.Add(new ValidationError(noText.Field, "This number cannot get text messages. Give a mobile number, or choose email."));
        else if (patient.Email is null && !details.ContactByPhone && !wantsText)
            errors.Add(new ValidationError(nameof(UpdateMyDetails.ContactByPhone), "We have no email address for you, so we need to be able to phone you."));
        if (errors.Count > 0)
            return Result.Invalid(errors);
        patient.UpdateDetails(patient.FirstName, patient.LastName, patient.DateOfBirth, phone!, patient.Email, details.PreferredLanguage!);
        patient.SetContactPreferences(details.ContactByEmail, details.ContactByPhone);
        VisitMessages NoEmailBoth(VisitMessages choice) => patient.Email is null && choice == VisitMessages.Both ? VisitMessages.Text : choice;
        patient.SetVisitMessages(NoEmailBoth(details.Messages), phones.CanText(phone));
        if (details.Reminders is { } other)
            patient.SetMessages(MessageKind.Reminder, NoEmailBoth(other), phones.CanText(phone));
        if (details.Surveys is { } surveys)
            patient.SetMessages(MessageKind.Survey, NoEmailBoth(surveys), phones.CanText(phone));
        if (details.Complaints is { } complaints)
            patient.SetMessages(MessageKind.Complaint, NoEmailBoth(complaints), phones.CanText(phone));
        if (details.Waitlist is { } waitlist)
            patient.SetMessages(MessageKind.Waitlist, NoEmailBoth(waitlist), phones.CanText(phone));
        db.Interactions.Add(new Interaction(patient.Id, null, InteractionChannel.Web, InteractionKind.Note,
            TimelineSentence.Of("Updated their contact details"), time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>The waitlist, survey and complaint choices the page posted, each with its field and the message for a choice not on the list.</summary>
    private static IEnumerable<(string Field, VisitMessages Choice, string Message)> OtherKinds(UpdateMyDetails details)
    {
        if (details.Waitlist is { } waitlist)
            yield return (nameof(UpdateMyDetails.Waitlist), waitlist, "Choose how you want offers of an earlier time.");
        if (details.Surveys is { } surveys)
            yield return (nameof(UpdateMyDetails.Surveys), surveys, "Choose how you want the survey after a visit.");
        if (details.Complaints is { } complaints)
            yield return (nameof(UpdateMyDetails.Complaints), complaints, "Choose how you want us to confirm a complaint.");
    }
}
