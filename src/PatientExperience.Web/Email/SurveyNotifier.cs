using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Common;
using PatientExperience.Core.Email;
using PatientExperience.Core.Surveys;
using PatientExperience.Web.Configurations;

namespace PatientExperience.Web.Email;

/// <summary>Survey emails in the patient's language. The link carries the token and the language, so the page opens in it.</summary>
public sealed class SurveyNotifier(
    IEmailOutbox outbox,
    IStringLocalizer<SharedResource> localizer,
    TimeText times,
    IOptions<ClinicOptions> clinic,
    LinkGenerator links,
    IHttpContextAccessor accessor) : ISurveyNotifier
{
    public OutboxMessage Invitation(SurveyEmailNotice notice) =>
        Send(notice, "How was your visit?", "Thank you for visiting us. Would you tell us how it went? It takes about two minutes.");

    public OutboxMessage Reminder(SurveyEmailNotice notice) =>
        Send(notice, "Reminder: how was your visit?", "A few days ago we asked how your visit went. If you have two minutes, we would still love to hear from you.");

    public void WeHeardYou(string firstName, string email, string language, string departmentName)
    {
        using var _ = new CultureScope(language);
        var lines = new[]
        {
            localizer["Hello {0},", firstName].Value,
            localizer["Thank you for your answers. We are sorry your visit was not as good as it should have been."].Value,
            localizer["Someone from {0} will contact you within five working days, as you allowed us to.", departmentName].Value,
            localizer["If it cannot wait, call us on {0}.", clinic.Value.Phone].Value,
        };
        outbox.Enqueue(EmailPriority.Transactional, email, localizer["We heard you"].Value, string.Join("\n\n", lines) + "\n", Html(lines, null, null));
    }

    private OutboxMessage Send(SurveyEmailNotice notice, string subjectKey, string leadKey)
    {
        using var _ = new CultureScope(notice.Language);
        var visit = times.FullDay(notice.VisitStartUtc);
        var until = times.Date(notice.ExpiresAtUtc);
        var url = Link(notice.Token, notice.Language);
        var lines = new[]
        {
            localizer["Hello {0},", notice.FirstName].Value,
            localizer[leadKey].Value,
            localizer["Your visit: {0} with {1} ({2}).", visit, notice.ClinicianName, notice.DepartmentName].Value,
            localizer["The link works once, until {0}. You do not need to sign in.", until].Value,
        };
        var text = string.Join("\n\n", lines) + $"\n\n{url}\n";
        return outbox.Enqueue(EmailPriority.Reminder, notice.Email, localizer[subjectKey].Value, text, Html(lines, url, localizer["Answer the survey"].Value));
    }

    private static string Html(IEnumerable<string> lines, string? url, string? button)
    {
        var html = HtmlEncoder.Default;
        var link = url is null ? string.Empty
            : $"<p><a href=\"{html.Encode(url)}\" style=\"display:inline-block;padding:10px 16px;background:#0b5cad;color:#ffffff;text-decoration:none;border-radius:4px\">{html.Encode(button!)}</a></p>";
        return "<!DOCTYPE html><html><body style=\"font-family:system-ui,sans-serif;font-size:16px;color:#1a1a1a\">"
            + string.Concat(lines.Select(l => $"<p>{html.Encode(l)}</p>")) + link + "</body></html>";
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
