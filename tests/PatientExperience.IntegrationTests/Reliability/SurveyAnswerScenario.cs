using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using PatientExperience.Core.Common;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Reliability;

/// <summary>
/// Patients answering their post-visit survey from the link in the email. The links exist only in the emails (the
/// database keeps a SHA-256 of each token), so before the load the scenario makes real completed visits through the
/// portal (front desk books and checks in, the clinician calls in and completes: each completion adds an invitation),
/// lets the portal's own sending job open them and queue the emails, and reads the tokens from the pickup folder's
/// .eml files. Under load every other answer is low with "you may contact me", which opens a follow-up and queues a
/// "We heard you" email in the same transaction as the answer.
/// </summary>
public sealed partial class SurveyAnswerScenario : CrashScenario
{
    private const int Visits = 14;
    private readonly ConcurrentQueue<Invited> _links = new();
    private readonly ConcurrentDictionary<string, Invited> _answered = new(StringComparer.Ordinal);
    private long _outboxBefore;
    private int _tries;

    public override string Name => "survey answer";

    private sealed record Invited(string Token, string Email);

    public override async Task PrepareAsync(PortalProcess portal, CancellationToken ct)
    {
        var desk = portal.NewBrowser();
        await desk.SignInAsync("frontdesk@demo.test", ct);
        var clinician = portal.NewBrowser();
        await clinician.SignInAsync("clinician@demo.test", ct);
        var clinicianId = await portal.ScalarAsync(
            "SELECT s.\"Id\" FROM \"StaffMembers\" s JOIN \"AspNetUsers\" u ON u.\"Id\" = s.\"UserId\" WHERE u.\"NormalizedEmail\" = 'CLINICIAN@DEMO.TEST'", ct);
        var serviceId = await portal.ScalarAsync(
            $"SELECT MIN(c.\"Id\") FROM \"ClinicServices\" c JOIN \"StaffMembers\" s ON s.\"DepartmentId\" = c.\"DepartmentId\" WHERE s.\"Id\" = {clinicianId} AND c.\"IsActive\" = TRUE", ct);

        // Patients who may be emailed, each surveyed once in this run (so each "We heard you" can be counted).
        var patients = new List<(long Id, string Email)>();
        await using (var db = portal.OpenDatabase())
        {
            await using var command = db.CreateCommand();
            command.CommandText = $"SELECT \"Id\", \"Email\" FROM \"Patients\" WHERE \"Email\" IS NOT NULL AND \"ContactByEmail\" = TRUE AND \"PreferredLanguage\" = 'en' ORDER BY \"Id\" DESC LIMIT {Visits}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                patients.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        Assert.True(patients.Count == Visits, $"Only {patients.Count} demo patients can be emailed.");

        _outboxBefore = await portal.ScalarAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"OutboxMessages\"", ct);
        var clinicianPage = await clinician.GetPageAsync("/clinician", ct);
        foreach (var (patientId, _) in patients)
        {
            var caller = await desk.GetPageAsync($"/frontdesk/patients/{patientId}?serviceId={serviceId}&clinician={clinicianId}", ct);
            var times = Appointments.DeskTimes.On(caller, patientId);
            var slot = times.Count > 0 ? times[0] : throw new InvalidOperationException($"No free time for patient {patientId} with clinician {clinicianId}.");
            using var booked = await Appointments.DeskTimes.PressAndConfirmAsync(desk, slot, ct);
            var location = booked.Headers.Location?.OriginalString ?? string.Empty;
            Assert.True(booked.StatusCode == HttpStatusCode.Redirect && location.EndsWith("/booked", StringComparison.Ordinal), $"Booking answered {(int)booked.StatusCode} {location}");
            var appointmentId = location.Split('/')[3];
            await ExpectRedirectAsync(desk.PostWithTokenAsync(caller, $"/frontdesk/appointments/{appointmentId}/arrived", [], ct), "check-in");
            await ExpectRedirectAsync(clinician.PostWithTokenAsync(clinicianPage, $"/clinician/appointments/{appointmentId}/inroom", [], ct), "call-in");
            await ExpectRedirectAsync(clinician.PostWithTokenAsync(clinicianPage, $"/clinician/appointments/{appointmentId}/completed", [], ct), "completion");
        }

        // The sending job (every second, no delay, no quiet hours in this run) opens the invitations and queues the
        // emails; the outbox dispatcher writes them to the pickup folder.
        var wanted = patients.Select(p => p.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (DateTime.UtcNow < deadline)
        {
            // One link per patient (a demo invitation's reminder may have gone to the same person: either link is theirs).
            var links = ReadSurveyLinks(portal.MailDirectory).Where(l => wanted.Contains(l.Email))
                .GroupBy(l => l.Email, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
            if (links.Count >= Visits)
            {
                foreach (var link in links)
                    _links.Enqueue(link);
                return;
            }
            await Task.Delay(250, ct);
        }
        throw new TimeoutException($"The survey emails did not arrive in the pickup folder:\n{portal.Output}");
    }

    private static async Task ExpectRedirectAsync(Task<HttpResponseMessage> post, string what)
    {
        using var response = await post;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"The {what} answered {(int)response.StatusCode}.");
    }

    /// <summary>Survey links in the .eml files (parsed as mail, so quoted-printable bodies read right), with the address each went to.</summary>
    private static List<Invited> ReadSurveyLinks(string mailDirectory)
    {
        var links = new List<Invited>();
        if (!Directory.Exists(mailDirectory))
            return links;
        foreach (var file in Directory.GetFiles(mailDirectory, "*.eml"))
        {
            MimeKit.MimeMessage message;
            try
            {
                message = MimeKit.MimeMessage.Load(file);
            }
            catch (IOException)
            {
                continue; // still being written
            }
            var match = SurveyLink().Match(message.TextBody ?? string.Empty);
            if (match.Success && message.To.Mailboxes.FirstOrDefault() is { } to)
                links.Add(new Invited(match.Groups[1].Value, to.Address));
        }
        return links;
    }

    public override async Task<string?> WriteAsync(PortalProcess portal, int n, CancellationToken ct)
    {
        if (!_links.TryDequeue(out var invited))
            return null;
        var low = Interlocked.Increment(ref _tries) % 2 == 1;
        var browser = portal.NewBrowser();
        var url = $"/survey/{invited.Token}";
        var page = await browser.GetPageAsync(url, ct);
        // One screen at a time, as a patient would: each screen's answers, then Next, and Send on the last.
        HttpResponseMessage response;
        while (true)
        {
            var answers = new List<KeyValuePair<string, string>>();
            var form = page.Forms.FirstOrDefault(f => f.GetAttribute("action") == url)
                ?? throw new InvalidOperationException($"The survey page has no form:\n{page.MainText()}");
            foreach (var group in form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Where(i => i.Type == "radio").GroupBy(i => i.Name!))
            {
                // Numeric options only ("not applicable" and the like are left for the patient who needs them).
                var values = group.Select(i => int.TryParse(i.Value, CultureInfo.InvariantCulture, out var v) ? v : (int?)null).OfType<int>().ToList();
                if (values.Count == 0)
                    continue;
                var consent = group.Key.Contains("contact", StringComparison.OrdinalIgnoreCase);
                answers.Add(new(group.Key, (consent ? 1 : low ? values.Min() : values.Max()).ToString(CultureInfo.InvariantCulture)));
            }
            foreach (var area in form.Elements.OfType<AngleSharp.Html.Dom.IHtmlTextAreaElement>())
                answers.Add(new(area.Name!, low ? "We waited a very long time and nobody told us why. Rude and disappointing." : "Kind and helpful staff."));
            var next = form.QuerySelector($"button[name='{Web.Controllers.SurveyController.NavField}'][value='next']") is not null;
            answers.Add(new(Web.Controllers.SurveyController.NavField, next ? "next" : "send"));
            response = await browser.SubmitAsync(page, url, answers, ct);
            if (!next)
                break;
            using (response)
            {
                if (response.StatusCode != HttpStatusCode.Redirect)
                    return null;
                page = await browser.GetPageAsync(response.Headers.Location!.OriginalString, ct);
            }
        }
        string? text;
        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
                return null;
            text = (await Browser.ReadAsync(response, ct)).QuerySelector("h1")?.TextContent.Trim();
        }
        if (text != "Thank you")
            return null;
        _answered[invited.Token] = invited with { Email = low ? invited.Email : string.Empty };
        return invited.Token;
    }

    /// <summary>A link whose answer was cut off by the kill (or never tried) still works once after the restart.</summary>
    public override async Task<string?> AfterRestartAsync(PortalProcess portal, CancellationToken ct)
    {
        if (!_links.TryDequeue(out var invited))
            return null;
        var browser = portal.NewBrowser();
        var page = await browser.GetPageAsync($"/survey/{invited.Token}", ct);
        return page.QuerySelector("h1")?.TextContent.Trim() == "How was your visit?" ? null : $"an unanswered survey link did not open after the restart: {page.MainText()}";
    }

    public override async Task<IReadOnlyList<string>> MissingAsync(PortalProcess portal, IReadOnlyCollection<string> acknowledged, CancellationToken ct)
    {
        var missing = new List<string>();
        foreach (var token in acknowledged)
        {
            var hash = OneTimeToken.Hash(token);
            var responses = await portal.ScalarAsync(
                $"SELECT COUNT(*) FROM \"SurveyResponses\" r JOIN \"SurveyInvitations\" i ON i.\"Id\" = r.\"InvitationId\" WHERE i.\"TokenHash\" = '{hash}' OR i.\"ReminderTokenHash\" = '{hash}'", ct);
            if (responses != 1)
                missing.Add($"survey answer {hash[..8]}…: {responses} responses stored");
            // A low answer with consent to contact: exactly one "We heard you" queued with it.
            if (_answered[token].Email is { Length: > 0 } email)
            {
                var heard = await portal.ScalarAsync($"SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"Id\" > {_outboxBefore} AND \"To\" = '{email}' AND \"Subject\" = 'We heard you'", ct);
                if (heard != 1)
                    missing.Add($"survey answer {hash[..8]}…: {heard} \"We heard you\" emails queued");
            }
        }
        if (!acknowledged.Any(t => _answered[t].Email.Length > 0))
            missing.Add("no low answer was acknowledged before the kill, so the follow-up and its email were not tested");
        return missing;
    }

    [GeneratedRegex(@"/survey/([0-9a-f]{32,})")]
    private static partial Regex SurveyLink();
}
