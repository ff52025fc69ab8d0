namespace PatientExperience.Core.Email;

/// <summary>Writes the words of each email in the reader's language. The outbox sends them.</summary>
public interface IEmailComposer
{
    EmailContent ConfirmEmail(string language, string firstName, string confirmUrl);
    EmailContent AlreadyRegistered(string language, string signInUrl);
    EmailContent StaffInvitation(string firstName, string setPasswordUrl);
    EmailContent PasswordReset(string language, string resetUrl);

    /// <summary>To a staff member: someone entered a two-factor sign-in code that was already used (ASVS 2.8.5).</summary>
    EmailContent SignInCodeReused(string changePasswordUrl);
}
