using PatientExperience.Core.Email;
using PatientExperience.Core.Sms;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.Email;

/// <summary>Survey emails in the patient's language. The link carries the token and the language, so the page opens in it.</summary>
public sealed class SurveyNotifier(
    IEmailOutbox outbox,
    IStringLocalizer<SharedResource> localizer,
    TimeText times,
    IOptions<ClinicOptions> clinic,
    LinkGenerator links,
    IHttpContextAccessor accessor,
    EmailTemplates templates,
    Localization.PatientNames names,
    PhoneFormat phones,
    Infrastructure.Identity.IAccountLinks accountLinks) : ISurveyNotifier
{
    public OutboxMessage Invitation(SurveyEmailNotice notice) =>
        Send(notice, "How was your visit?", "Thank you for visiting us. Would you tell us how it went? It takes about two minutes.");

    public OutboxMessage Reminder(SurveyEmailNotice notice) =>
        Send(notice, "Reminder: how was your visit?", "A few days ago we asked how your visit went. If you have two minutes, we would still love to hear from you.");

    public string? InvitationText(SurveyTextNotice notice)
    {
        using var _ = new CultureScope(notice.Language);
        // The short link (/s/{token}): no ?culture=, the page reads their language from the invitation.
        var url = accountLinks.TextSurvey(notice.Token);
        var name = clinic.Value.Name;
        foreach (var wording in new[]
        {
            localizer["{0}: thank you for your visit on {1}. Would you tell us how it went? It takes about two minutes: {2}", name, times.Date(notice.VisitStartUtc), url].Value,
            localizer["{0}: how was your visit? Tell us here: {1}", name, url].Value,
        })
        {
            var text = SmsAlphabet.PreferGsm7(wording);
            if (SmsSegments.Fits(text))
                return text;
        }
        return null;
    }

    public void WeHeardYou(string firstName, string email, string language, string departmentName)
    {
        using var _ = new CultureScope(language);
        EmailLine[] lines =
        [
            new(localizer["Thank you for your answers. We are sorry your visit was not as good as it should have been."]),
            new(localizer["Someone from {0} will contact you within five working days, as you allowed us to.", names[departmentName]]),
            new(localizer["If it cannot wait, call us on {0}.", phones.SiteOrGroup(null, clinic.Value.Phone)]),
        ];
        var mail = templates.Render(localizer["We heard you"], "Letter", new LetterEmail(localizer["Hello {0},", firstName], lines, Url: null));
        outbox.Enqueue(EmailPriority.Transactional, email, mail.Subject, mail.TextBody, mail.HtmlBody);
    }

    private OutboxMessage Send(SurveyEmailNotice notice, string subjectKey, string leadKey)
    {
        using var _ = new CultureScope(notice.Language);
        var visit = times.FullDay(notice.VisitStartUtc);
        var until = times.Date(notice.ExpiresAtUtc);
        var url = Link(notice.Token, notice.Language);
        var mail = templates.Render(localizer[subjectKey], "Survey", new SurveyEmail(
            localizer["Hello {0},", notice.FirstName],
            localizer[leadKey],
            localizer["Your visit: {0} with {1} ({2}).", visit, notice.ClinicianName, names[notice.DepartmentName]],
            localizer["The link works once, until {0}. You do not need to sign in.", until],
            url));
        return outbox.Enqueue(EmailPriority.Reminder, notice.Email, mail.Subject, mail.TextBody, mail.HtmlBody);
    }

    /// <summary>/survey/{token}, with ?culture= for a patient whose language is not the default.</summary>
    private string Link(string token, string language)
    {
        object values = language == SupportedLanguages.Default ? new { token } : new { token, culture = language };
        var context = accessor.HttpContext;
        if (context is not null)
            return links.GetUriByAction(context, "Show", "Survey", values) ?? throw new InvalidOperationException("No route to the survey.");
        var baseUri = new Uri(clinic.Value.PublicBaseUrl);
        return links.GetUriByAction("Show", "Survey", values, baseUri.Scheme, new HostString(baseUri.Authority))
            ?? throw new InvalidOperationException("No route to the survey.");
    }
}
