using PatientExperience.Core.Complaints;
using PatientExperience.Core.Email;
using PatientExperience.Core.Sms;

namespace PatientExperience.Web.Email;

/// <summary>
/// Complaint letters and staff alerts through the outbox, in the reader's language. The letters match the printable
/// pages (Views/Complaints/Letter*.cshtml). Staff alerts carry the reference and a link, never the complainant's words.
/// </summary>
public sealed class ComplaintNotifier(
    IEmailOutbox outbox,
    IStringLocalizer<SharedResource> localizer,
    TimeText times,
    IOptions<ClinicOptions> clinic,
    IHttpContextAccessor accessor,
    EmailTemplates templates,
    PhoneFormat phones) : IComplaintNotifier
{
    public void Acknowledgement(ComplaintNotice notice)
    {
        using var _ = new CultureScope(notice.Language);
        if (notice.TextTo is not null)
            outbox.EnqueueText(EmailPriority.Transactional, notice.TextTo, AcknowledgementText(notice), notice.PatientId, notice.TimeZone);
        if (notice.ToEmail is null || !notice.AcknowledgeByEmail)
            return;
        var greeting = Greeting(notice);
        var lines = new List<EmailLine>
        {
            localizer["Thank you for telling us. We received your complaint on {0}. Your reference is {1}.", Day(notice, notice.ReceivedAtUtc), notice.Reference].Value,
            notice.OwnerName is null
                ? localizer["A manager will look into it and may contact you to understand it better."].Value
                : localizer["{0} will look into it and may contact you to understand it better.", notice.OwnerName].Value,
            notice.ResponseByAgreement
                ? localizer["We will agree with you when you can expect our written response."].Value
                : localizer["You will have our written response by {0}.", Day(notice, notice.ResponseDueAtUtc.AddTicks(-1))].Value,
            notice.ComplainantCanSignIn
                ? localizer["You can follow it on your complaints page, or call us on {0} and quote your reference.", phones.SiteOrGroup(null, clinic.Value.Phone)].Value
                : localizer["If you have any questions, call us on {0} and quote your reference.", phones.SiteOrGroup(null, clinic.Value.Phone)].Value,
        };
        Send(notice.ToEmail, greeting, $"{localizer["We have your complaint"]}: {notice.Reference}", lines, PatientLink(notice), EmailPriority.Transactional);
    }

    /// <summary>
    /// The acknowledgement by text: the reference and when the written response is due, never the complaint's words
    /// (privacy); two SMS at most (the shorter wording drops the date).
    /// </summary>
    public string AcknowledgementText(ComplaintNotice notice)
    {
        var (name, phone) = (clinic.Value.Name, phones.SiteOrGroup(null, clinic.Value.Phone));
        var when = notice.ResponseByAgreement
            ? localizer["{0}: we received your complaint. Your reference is {1}. We will agree with you when to expect our written response. Questions: call {2}.", name, notice.Reference, phone]
            : localizer["{0}: we received your complaint. Your reference is {1}. You will have our written response by {2}. Questions: call {3}.",
                name, notice.Reference, times.In(notice.TimeZone).Date(notice.ResponseDueAtUtc.AddTicks(-1)), phone];
        var text = SmsAlphabet.PreferGsm7(when);
        return SmsSegments.Fits(text)
            ? text
            : SmsAlphabet.PreferGsm7(localizer["{0}: we received your complaint. Your reference is {1}. Questions: call {2}.", name, notice.Reference, phone]);
    }

    public void WrittenResponse(ComplaintNotice notice, WrittenResponse response)
    {
        if (notice.ToEmail is null)
            return;
        using var _ = new CultureScope(notice.Language);
        var greeting = Greeting(notice);
        var lines = new List<EmailLine>
        {
            localizer["This is our written response to your complaint {0}.", notice.Reference].Value,
            localizer["What we looked into"].Value + ": " + response.LookedInto!.Trim(),
            localizer["What we found"].Value + ": " + response.Found!.Trim(),
            localizer["What will change"].Value + ": " + response.WillChange!.Trim(),
            localizer["Your contact"].Value + ": " + response.ContactName!.Trim() + ", " + phones.SiteOrGroup(null, clinic.Value.Phone),
            localizer["If you are not satisfied"].Value + ": " + response.TakeItFurther!.Trim(),
        };
        Send(notice.ToEmail, greeting, $"{localizer["Our response to your complaint"]}: {notice.Reference}", lines, PatientLink(notice), EmailPriority.Transactional);
    }

    public void Message(ComplaintNotice notice, string text)
    {
        if (notice.ToEmail is null)
            return;
        using var _ = new CultureScope(notice.Language);
        var greeting = Greeting(notice);
        var lines = new List<EmailLine> { new(text) };
        if (!notice.ComplainantCanSignIn)
            lines.Add(new(localizer["If you have any questions, call us on {0} and quote your reference.", phones.SiteOrGroup(null, clinic.Value.Phone)]));
        Send(notice.ToEmail, greeting, $"{localizer["About your complaint"]}: {notice.Reference}", lines, PatientLink(notice), EmailPriority.Transactional);
    }

    public void ManagerAlert(ComplaintNotice notice, StaffContact manager)
    {
        using var _ = new CultureScope(SupportedLanguages.Default);
        var greeting = localizer["Hello {0},", manager.Name].Value;
        var lines = new List<EmailLine>
        {
            localizer["A {0} complaint has just been logged: {1} ({2}{3}).", localizer[notice.Severity.ToString().ToLowerInvariant()].Value, notice.Reference,
                notice.CategoryName, notice.DepartmentName is null ? "" : ", " + notice.DepartmentName].Value,
            localizer["Please look at it today."].Value,
        };
        Send(manager.Email, greeting, $"{localizer["Urgent complaint"]}: {notice.Reference}", lines, StaffLink(notice), EmailPriority.Staff);
    }

    public void Escalation(ComplaintNotice notice, StaffContact manager, bool overdue)
    {
        using var _ = new CultureScope(SupportedLanguages.Default);
        var greeting = localizer["Hello {0},", manager.Name].Value;
        var lines = new List<EmailLine>
        {
            overdue
                ? localizer["Complaint {0} ({1}) is past its deadline of {2}.", notice.Reference, notice.CategoryName, Day(notice, notice.ResponseDueAtUtc.AddTicks(-1))].Value
                : localizer["Complaint {0} ({1}) is due by {2}.", notice.Reference, notice.CategoryName, Day(notice, notice.ResponseDueAtUtc.AddTicks(-1))].Value,
            localizer["Please check it has an owner and is moving."].Value,
        };
        Send(manager.Email, greeting, $"{(overdue ? localizer["Overdue complaint"] : localizer["Complaint due soon"])}: {notice.Reference}", lines, StaffLink(notice), EmailPriority.Staff);
    }

    /// <summary>One email listing every complaint escalated for this manager in a round, overdue first, each with its link.</summary>
    public void EscalationDigest(StaffContact manager, IReadOnlyList<EscalatedComplaint> complaints)
    {
        if (complaints.Count == 0)
            return;
        using var _ = new CultureScope(SupportedLanguages.Default);
        var greeting = localizer["Hello {0},", manager.Name].Value;
        var lines = new List<EmailLine>();
        foreach (var (notice, overdue) in complaints.OrderByDescending(c => c.Overdue).ThenBy(c => c.Notice.ResponseDueAtUtc))
        {
            var due = Day(notice, notice.ResponseDueAtUtc.AddTicks(-1));
            lines.Add(new((overdue
                ? localizer["Complaint {0} ({1}) is past its deadline of {2}.", notice.Reference, notice.CategoryName, due]
                : localizer["Complaint {0} ({1}) is due by {2}.", notice.Reference, notice.CategoryName, due]).Value, StaffLink(notice)));
        }
        lines.Add(new(localizer["Please check it has an owner and is moving."]));
        var overdueCount = complaints.Count(c => c.Overdue);
        var subject = complaints.Count == 1
            ? $"{(overdueCount == 1 ? localizer["Overdue complaint"] : localizer["Complaint due soon"])}: {complaints[0].Notice.Reference}"
            : localizer["{0} complaints need attention ({1} overdue)", complaints.Count, overdueCount].Value;
        Send(manager.Email, greeting, subject, lines, BaseUrl() + "/complaints", EmailPriority.Staff);
    }

    private string Greeting(ComplaintNotice notice) =>
        notice.ToName is null ? localizer["Hello,"].Value : localizer["Hello {0},", notice.ToName].Value;

    /// <summary>A day in the complaint's site's zone (its deadlines end at that site's midnight).</summary>
    private string Day(ComplaintNotice notice, DateTime utc) => times.In(notice.TimeZone).FullDay(utc);

    /// <summary>The complainant's own complaint page, or none when they have no login to open it with (the letter gives the reference and phone number).</summary>
    private string? PatientLink(ComplaintNotice notice) =>
        notice.ComplainantCanSignIn ? BaseUrl() + "/my/complaints/" + Id(notice) : null;

    private string StaffLink(ComplaintNotice notice) => BaseUrl() + "/complaints/" + Id(notice);

    /// <summary>A link with id 0 would open nothing: the complaint must be saved before its letters are written.</summary>
    private static string Id(ComplaintNotice notice) => notice.ComplaintId > 0
        ? notice.ComplaintId.ToString(CultureInfo.InvariantCulture)
        : throw new InvalidOperationException("A complaint email was written before the complaint was saved, so it has no id to link to.");


    private string BaseUrl()
    {
        var request = accessor.HttpContext?.Request;
        return request is null ? clinic.Value.PublicBaseUrl.TrimEnd('/') : $"{request.Scheme}://{request.Host}";
    }

    private void Send(string to, string greeting, string subject, IReadOnlyList<EmailLine> lines, string? url, EmailPriority priority)
    {
        var mail = templates.Render(subject, "Letter", new LetterEmail(greeting, lines, url));
        outbox.Enqueue(priority, to, mail.Subject, mail.TextBody, mail.HtmlBody);
    }
}
