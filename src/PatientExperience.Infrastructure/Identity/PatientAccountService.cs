using FluentValidation;
using Microsoft.AspNetCore.Identity;
using PatientExperience.Core.Email;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Staff;

namespace PatientExperience.Infrastructure.Identity;

public sealed partial class PatientAccountService(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    IEmailOutbox outbox,
    IEmailComposer emails,
    IValidator<RegisterPatient> validator,
    TimeProvider time,
    PhoneFormat phones,
    ILogger<PatientAccountService> logger)
{
    /// <summary>
    /// Creates the login and the patient record (or links the record the front desk already made
    /// for this person), and queues the confirmation email — all in one transaction.
    /// An email that is already registered gets a "you already have an account" email instead,
    /// and the page says the same thing either way, so the form does not reveal who is registered.
    /// </summary>
    public async Task<Result> RegisterAsync(RegisterPatient request, IAccountLinks links, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
            return Result.Invalid(validation.ToErrors());

        var email = request.Email!.Trim();
        var language = request.PreferredLanguage!;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            var content = emails.AlreadyRegistered(language, links.SignIn());
            outbox.Enqueue(EmailPriority.Transactional, email, content.Subject, content.TextBody, content.HtmlBody);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogDuplicateRegistration(existing.Id);
            return Result.Success();
        }

        var phone = phones.ToE164(request.Phone)!;
        var user = new ApplicationUser { UserName = email, Email = email, PhoneNumber = phone };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
            return Result.Invalid(created.Errors.Select(e => new ValidationError(nameof(RegisterPatient.Password), e.Description)));
        await users.AddToRoleAsync(user, Roles.Patient);

        var dateOfBirth = request.DateOfBirth!.Value;
        var lastName = request.LastName!.Trim();
        // A record the front desk made for a caller: same email, birth date and last name, no login yet.
        var patient = await db.Patients.FirstOrDefaultAsync(
            p => p.UserId == null && p.Email == email && p.DateOfBirth == dateOfBirth && p.LastName == lastName,
            cancellationToken);
        if (patient is null)
        {
            patient = new Patient(request.FirstName!, lastName, dateOfBirth, phone, email, language);
            db.Patients.Add(patient);
        }
        else
        {
            patient.UpdateDetails(request.FirstName!, lastName, dateOfBirth, phone, email, language);
        }
        patient.LinkLogin(user.Id);
        await db.SaveChangesAsync(cancellationToken);
        patient.AssignReference();
        db.Interactions.Add(new Interaction(patient.Id, null, InteractionChannel.Web, InteractionKind.Registration,
            TimelineSentence.Of("Registered for the patient portal"), time.GetUtcNow().UtcDateTime));

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var message = emails.ConfirmEmail(language, patient.FirstName, links.ConfirmEmail(user.Id, token));
        outbox.Enqueue(EmailPriority.Transactional, email, message.Subject, message.TextBody, message.HtmlBody);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogRegistered(patient.Id);
        return Result.Success();
    }

    public async Task<Result> ConfirmEmailAsync(string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token))
            return Result.NotFound();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
            return Result.NotFound();
        if (user.EmailConfirmed)
            return Result.Success();
        var confirmed = await users.ConfirmEmailAsync(user, token);
        return confirmed.Succeeded ? Result.Success() : Result.Invalid(new ValidationError(string.Empty, "This confirmation link is not valid. It may have expired."));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Patient {PatientId} registered")]
    private partial void LogRegistered(int patientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration attempted for existing user {UserId}")]
    private partial void LogDuplicateRegistration(string userId);
}
