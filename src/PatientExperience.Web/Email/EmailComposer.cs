using PatientExperience.Core.Email;

namespace PatientExperience.Web.Email;

/// <summary>Account emails through the same localizer as the pages, in the reader's language, from Views/Emails/Account.</summary>
public sealed class EmailComposer(IStringLocalizer<SharedResource> localizer, IOptions<ClinicOptions> clinic, EmailTemplates templates, PhoneFormat phones) : IEmailComposer
{
    public EmailContent ConfirmEmail(string language, string firstName, string confirmUrl)
    {
        using var _ = new CultureScope(language);
        return Compose(
            localizer["Confirm your email for {0}", clinic.Value.Name],
            localizer["Hello {0},", firstName],
            [localizer["Thank you for registering. Please confirm your email address so you can sign in."]],
            localizer["Confirm my email"], CultureLinks.With(confirmUrl, language),
            localizer["If you did not register, you can ignore this email."]);
    }

    public EmailContent AlreadyRegistered(string language, string signInUrl)
    {
        using var _ = new CultureScope(language);
        return Compose(
            localizer["You already have an account with {0}", clinic.Value.Name],
            localizer["Hello,"],
            [localizer["Someone tried to register with this email address. You already have an account, so you can simply sign in."],
             localizer["If you have forgotten your password, call us on {0}.", phones.SiteOrGroup(null, clinic.Value.Phone)]],
            localizer["Sign in"], CultureLinks.With(signInUrl, language),
            localizer["If this was not you, you can ignore this email. Your account has not changed."]);
    }

    public EmailContent StaffInvitation(string firstName, string setPasswordUrl)
    {
        using var _ = new CultureScope(SupportedLanguages.Default);
        return Compose(
            localizer["Your staff account at {0}", clinic.Value.Name],
            localizer["Hello {0},", firstName],
            [localizer["An administrator has created a staff account for you. Choose a password to start using it."],
             localizer["The link works for 3 days."]],
            localizer["Choose my password"], setPasswordUrl,
            localizer["If you were not expecting this, tell your administrator."]);
    }

    public EmailContent PasswordReset(string language, string resetUrl)
    {
        using var _ = new CultureScope(language);
        return Compose(
            localizer["Choose a new password for {0}", clinic.Value.Name],
            localizer["Hello,"],
            [localizer["Someone asked to reset the password for this email address. If it was you, choose a new password with the link below."],
             localizer["The link works for 3 days and only once."]],
            localizer["Choose a new password"], CultureLinks.With(resetUrl, language),
            localizer["If you did not ask for this, ignore this email. Your password has not changed."]);
    }

    public EmailContent SignInCodeReused(string changePasswordUrl)
    {
        using var _ = new CultureScope(SupportedLanguages.Default);
        return Compose(
            localizer["A used sign-in code was entered for your {0} account", clinic.Value.Name],
            localizer["Hello,"],
            [localizer["Someone entered a sign-in code that was already used. We refused it, so they did not sign in."],
             localizer["The code is asked for only after the password. If this was not you, someone may know your password: change it now with the link below, and tell your administrator."],
             localizer["If it was you (for example, you pressed Sign in twice), you need do nothing."]],
            localizer["Change my password"], changePasswordUrl,
            localizer["We sent this email only to you, the owner of the account."]);
    }

    private EmailContent Compose(string subject, string greeting, IReadOnlyList<string> paragraphs, string action, string url, string footer) =>
        templates.Render(subject, "Account", new AccountEmail(greeting, paragraphs, action, url, footer));
}
