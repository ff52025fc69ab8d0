using PatientExperience.Core.Appointments;
using PatientExperience.Core.Email;
using PatientExperience.Core.Sms;
using PatientExperience.Infrastructure.Calendar;
using PatientExperience.Infrastructure.Identity;

namespace PatientExperience.Web.Email;

/// <summary>Booking emails in the patient's language, times in the clinic's zone with the zone named, each with its .ics.</summary>
public sealed class AppointmentNotifier(
    IEmailOutbox outbox,
    IStringLocalizer<SharedResource> localizer,
    TimeText times,
    IOptions<ClinicOptions> clinic,
    IAccountLinks links,
    AppointmentCalendar calendar,
    EmailTemplates templates,
    Localization.PatientNames names,
    PhoneFormat phones) : IAppointmentNotifier
{
    public void Booked(AppointmentNotice notice)
    {
        Send(notice, "Your appointment is booked", "Your appointment is booked:", cancelled: false, EmailPriority.Transactional);
        Text(notice, "{0}: your appointment is booked for {1} with {2} at {3}.", cancelled: false, EmailPriority.Transactional);
    }

    public void Moved(AppointmentNotice notice)
    {
        Send(notice, "Your appointment has moved", "Your appointment has a new time:", cancelled: false, EmailPriority.Transactional);
        Text(notice, "{0}: your appointment has moved to {1} with {2} at {3}.", cancelled: false, EmailPriority.Transactional);
    }

    public void Cancelled(AppointmentNotice notice)
    {
        Send(notice, "Your appointment is cancelled", "This appointment is cancelled:", cancelled: true, EmailPriority.Transactional);
        Text(notice, "{0}: your appointment on {1} with {2} at {3} is cancelled.", cancelled: true, EmailPriority.Transactional);
    }

    /// <summary>Not sent once the visit has started (a dispatcher back after a long stop).</summary>
    public void Reminder(AppointmentNotice notice)
    {
        Send(notice, "Reminder: your appointment", "A reminder of your appointment:", cancelled: false, EmailPriority.Reminder)
            ?.DiscardAfter(notice.Appointment.StartUtc);
        Text(notice, "{0}: a reminder of your appointment on {1} with {2} at {3}.", cancelled: false, EmailPriority.Reminder,
                notice.MayCancelByText ? ReplyInvite : ReplyInviteNoCancel)
            ?.DiscardAfter(notice.Appointment.StartUtc);
    }

    /// <summary>What the reminder asks for (the keywords: <see cref="Core.Sms.TextKeywords"/>).</summary>
    public const string ReplyInvite = "Reply C to confirm, R to change, X to cancel.";

    /// <summary>
    /// What the reminder asks for once cancelling is past the policy's cut-off (the default reminder, 24 hours before, meets
    /// the default 24-hour cut-off): only the replies that still work. X would only bring "too late, please call".
    /// </summary>
    public const string ReplyInviteNoCancel = "Reply C to confirm, R to ask us to call you.";

    /// <summary>The short answer to a reply, by text (the patient's number, language and visit time).</summary>
    public void TextReply(TextReplyNotice notice)
    {
        outbox.EnqueueText(EmailPriority.Transactional, notice.ToE164, TextReplyFor(notice), notice.PatientId, notice.Place?.TimeZone);
    }

    public string TextReplyFor(TextReplyNotice notice)
    {
        using var _ = new CultureScope(notice.Language);
        // About a visit: its site's phone, and its time in the site's zone (named when not the group's).
        var (name, phone) = (clinic.Value.Name, phones.SiteOrGroup(notice.Place?.Phone, clinic.Value.Phone));
        var siteTimes = times.In(notice.Place?.TimeZone);
        var when = notice.VisitStartUtc is { } start ? siteTimes.NamingOtherZone(siteTimes.When(start)) : null;
        var text = notice.Reply switch
        {
            Core.Appointments.TextReply.Confirmed => localizer["{0}: thank you. Your appointment on {1} is confirmed.", name, when!],
            Core.Appointments.TextReply.CallBack => localizer["{0}: thank you. We will call you to find a new time for your appointment on {1}.", name, when!],
            Core.Appointments.TextReply.TooLateToCancel => localizer["{0}: it is too late to cancel your appointment on {1} by text. Please call us on {2}.", name, when!, phone],
            Core.Appointments.TextReply.Help when when is not null && !notice.MayCancel =>
                localizer["{0}: reply C to confirm or R to change your appointment on {1}. Or call {2}.", name, when, phone],
            Core.Appointments.TextReply.Help when when is not null => localizer["{0}: reply C to confirm, R to change or X to cancel your appointment on {1}. Or call {2}.", name, when, phone],
            Core.Appointments.TextReply.Help => localizer["{0}: we could not read your text. For help, call {1}.", name, phone],
            Core.Appointments.TextReply.NoVisit => localizer["{0}: we found no appointment waiting for your answer. Please call us on {1}.", name, phone],
            Core.Appointments.TextReply.Stopped => localizer["{0}: you will get no more texts from us. Reply START to get them again.", name],
            _ => localizer["{0}: texts are on again. Reply STOP to end them.", name],
        };
        return SmsAlphabet.PreferGsm7(text);
    }

    /// <summary>
    /// The text beside the email, for a patient who chose text: clinic, date and time, clinician and place only (no
    /// service, nothing medical), in their language, at most <see cref="SmsSegments.MaxParts"/> SMS. The longest
    /// wording that fits is used: with the address, then the department only, then the time without its zone, then the
    /// short day ("Wed 30 Sep"), and for a message that invites no reply, without the phone line last of all.
    /// </summary>
    public OutboxMessage? Text(AppointmentNotice notice, string key, bool cancelled, EmailPriority priority, string? invite = null)
    {
        if (notice.TextTo is null)
            return null;
        return outbox.EnqueueText(priority, notice.TextTo, TextFor(notice, key, cancelled, invite), notice.Appointment.PatientId, notice.Place?.TimeZone);
    }

    /// <param name="invite">The reminder's "Reply C to confirm…": kept before anything else but the visit itself; the
    /// clinic's phone goes first when both do not fit.</param>
    public string TextFor(AppointmentNotice notice, string key, bool cancelled, string? invite = null)
    {
        var a = notice.Appointment;
        using var _ = new CultureScope(notice.Language);
        var phone = PhoneOf(notice);
        var siteTimes = TimesOf(notice);
        // Last resort (a long name in Chinese, 134 characters for two SMS): the visit alone, without the phone line.
        string[] tails = invite is null
            ? [cancelled ? localizer["For a new time, call {0}.", phone] : localizer["To change or cancel, call {0}.", phone], ""]
            : [$"{localizer[invite]} {localizer["Or call {0}.", phone]}", localizer[invite]];
        var places = PlaceOf(notice) is { } place ? new[] { place.WithSite, place.OneLine, place.Department }.Distinct() : [names[notice.DepartmentName]];
        string? text = null;
        foreach (var tail in tails)
        {
            foreach (var when in new[] { siteTimes.WhenWithZone(a.StartUtc), siteTimes.When(a.StartUtc), siteTimes.ShortDayAndTime(a.StartUtc) })
            {
                foreach (var where in places)
                {
                    text = SmsAlphabet.PreferGsm7($"{localizer[key, clinic.Value.Name, when, notice.ClinicianName, where]} {tail}".TrimEnd());
                    if (SmsSegments.Fits(text))
                        return text;
                }
            }
        }
        return text!;
    }

    public void WaitlistOffer(WaitlistOfferNotice notice)
    {
        using var _ = new CultureScope(notice.Language);
        var siteTimes = times.In(notice.TimeZone);
        var when = siteTimes.WhenWithZone(notice.StartUtc);
        var until = siteTimes.WhenWithZone(notice.ExpiresAtUtc);
        var url = CultureLinks.With(links.WaitlistOffer(notice.Token), notice.Language);
        var text = notice.TextTo is null ? null : WaitlistTextFor(notice, links.TextOffer(notice.Token));
        if (text is not null)
            outbox.EnqueueText(EmailPriority.Transactional, notice.TextTo!, text, notice.PatientId, notice.TimeZone);
        // The email goes unless they chose text only and the text went (a link that does not fit two SMS goes by email).
        if (!notice.MayEmail && text is not null)
            return;
        var service = names[notice.ServiceName];
        var mail = templates.Render($"{localizer["An earlier time is free"]}: {service}, {when}", "WaitlistOffer", new WaitlistOfferEmail(
            localizer["Hello {0},", notice.PatientFirstName],
            localizer["An earlier time has become free for {0} with {1} ({2}):", service, notice.ClinicianName, names[notice.DepartmentName]],
            when,
            localizer["We are holding it for you until {0}. If you want it, confirm with one click:", until],
            url));
        outbox.Enqueue(EmailPriority.Transactional, notice.Email, mail.Subject, mail.TextBody, mail.HtmlBody);
    }

    /// <summary>
    /// The offer by text: clinician, time, department and the one-click link, no service (privacy); the longest wording
    /// that fits two SMS, or null when even the shortest does not (the email carries it then).
    /// </summary>
    public string? WaitlistTextFor(WaitlistOfferNotice notice, string url)
    {
        var siteTimes = times.In(notice.TimeZone);
        var until = siteTimes.Time(notice.ExpiresAtUtc);
        foreach (var when in new[] { siteTimes.WhenWithZone(notice.StartUtc), siteTimes.When(notice.StartUtc) })
        {
            foreach (var text in new[]
            {
                localizer["{0}: an earlier time is free with {1} on {2} at {3}. We hold it for you until {4}. To take it: {5}",
                    clinic.Value.Name, notice.ClinicianName, when, names[notice.DepartmentName], until, url].Value,
                localizer["{0}: an earlier time is free with {1} on {2}. We hold it for you until {3}. To take it: {4}",
                    clinic.Value.Name, notice.ClinicianName, when, until, url].Value,
            })
            {
                var candidate = SmsAlphabet.PreferGsm7(text);
                if (SmsSegments.Fits(candidate))
                    return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// The day's check-in link, by text or email as they chose. Not sent once the visit is over (a dispatcher back after
    /// a long stop).
    /// </summary>
    public void CheckInLink(AppointmentNotice notice, string token)
    {
        var a = notice.Appointment;
        using var _ = new CultureScope(notice.Language);
        var url = CultureLinks.With(links.CheckIn(token), notice.Language);
        var time = TimesOf(notice).NamingOtherZone(TimesOf(notice).Time(a.StartUtc));
        if (notice.TextTo is not null)
            outbox.EnqueueText(EmailPriority.Transactional, notice.TextTo, CheckInTextFor(notice, token), a.PatientId, notice.Place?.TimeZone).DiscardAfter(a.EndUtc);
        if (notice.MayEmail && notice.PatientEmail is not null)
        {
            var mail = templates.Render(localizer["Check in for your visit at {0}", time], "Account", new AccountEmail(
                localizer["Hello {0},", notice.PatientFirstName],
                [localizer["Your visit with {0} is today at {1}.", notice.ClinicianName, time],
                 localizer["When you arrive, press the button to tell us you are here. You do not need to queue at the desk."]],
                localizer["I'm here"],
                url,
                localizer["The link works from one hour before your visit until its end. If you need help, call us on {0}.", PhoneOf(notice)]));
            outbox.Enqueue(EmailPriority.Transactional, notice.PatientEmail, mail.Subject, mail.TextBody, mail.HtmlBody).DiscardAfter(a.EndUtc);
        }
    }

    /// <summary>The check-in link by text, with the short link (<c>/c/{token}</c>): the page opens in their language.</summary>
    public string CheckInTextFor(AppointmentNotice notice, string token)
    {
        using var _ = new CultureScope(notice.Language);
        var time = TimesOf(notice).NamingOtherZone(TimesOf(notice).Time(notice.Appointment.StartUtc));
        return SmsAlphabet.PreferGsm7(localizer["{0}: when you arrive for your visit at {1}, check in here: {2}", clinic.Value.Name, time, links.TextCheckIn(token)]);
    }

    /// <summary>"Riverside: Sam Okafor is running about 20 minutes late…" as a text.</summary>
    public string RunningLateTextFor(AppointmentNotice notice, int lateMinutes, DateTime expectedStartUtc)
    {
        using var _ = new CultureScope(notice.Language);
        return SmsAlphabet.PreferGsm7($"{clinic.Value.Name}: {RunningLateSentence(notice, lateMinutes, expectedStartUtc)}");
    }

    private string RunningLateSentence(AppointmentNotice notice, int lateMinutes, DateTime expectedStartUtc) =>
        localizer["{0} is running about {1} minutes late. Your visit at {2} may start around {3}.",
            notice.ClinicianName, lateMinutes, TimesOf(notice).Time(notice.Appointment.StartUtc), TimesOf(notice).NamingOtherZone(TimesOf(notice).Time(expectedStartUtc))].Value;

    /// <summary>"Dr Okafor is running about 20 minutes late…", by text or email as they chose; stale once the visit starts.</summary>
    public void RunningLate(AppointmentNotice notice, int lateMinutes, DateTime expectedStartUtc)
    {
        var a = notice.Appointment;
        using var _ = new CultureScope(notice.Language);
        var sentence = RunningLateSentence(notice, lateMinutes, expectedStartUtc);
        var call = localizer["If you need help, call us on {0}.", PhoneOf(notice)].Value;
        if (notice.TextTo is not null)
            outbox.EnqueueText(EmailPriority.Transactional, notice.TextTo, RunningLateTextFor(notice, lateMinutes, expectedStartUtc), a.PatientId, notice.Place?.TimeZone).DiscardAfter(a.StartUtc);
        if (notice.MayEmail && notice.PatientEmail is not null)
        {
            var mail = templates.Render(localizer["Your clinician is running late"], "Letter", new LetterEmail(
                localizer["Hello {0},", notice.PatientFirstName],
                [sentence, localizer["Please still come at your booked time if you can: the delay may shrink."].Value, call],
                null));
            outbox.Enqueue(EmailPriority.Transactional, notice.PatientEmail, mail.Subject, mail.TextBody, mail.HtmlBody).DiscardAfter(a.StartUtc);
        }
    }

    /// <summary>Times about a visit are in its site's zone (<see cref="Core.Departments.VisitPlace.TimeZone"/>).</summary>
    private TimeText TimesOf(AppointmentNotice notice) => times.In(notice.Place?.TimeZone);

    /// <summary>Where the visit is, in the reader's language; the site is named only when it is not the group itself
    /// (a single-site clinic's messages read as before).</summary>
    private Core.Departments.VisitPlace? PlaceOf(AppointmentNotice notice) =>
        names.Place(notice.Place is { } place && place.Site == clinic.Value.Name ? place with { Site = null } : notice.Place);

    /// <summary>The visit's site's phone, else the group's, as people write it.</summary>
    private string PhoneOf(AppointmentNotice notice) => phones.SiteOrGroup(notice.Place?.Phone, clinic.Value.Phone);

    /// <summary>Where to go, how to find it and what to bring, in the reader's language; nothing for a cancelled visit.</summary>
    private IEnumerable<string> VisitLines(Core.Departments.VisitPlace? place, bool cancelled)
    {
        if (place is null || cancelled)
            yield break;
        if (place.Address is not null)
            yield return localizer["Where: {0}", place.WithSite].Value;
        if (Localization.OpeningHoursText.Lines(place.OpeningHours, times, localizer) is { Count: > 0 } opening)
            yield return localizer["Opening hours: {0}", string.Join("; ", opening)].Value;
        if (place.Directions is not null)
            yield return localizer["How to find us: {0}", place.Directions].Value;
        if (place.WhatToBring is not null)
            yield return localizer["Please bring: {0}", place.WhatToBring].Value;
    }

    private OutboxMessage? Send(AppointmentNotice notice, string subjectKey, string leadKey, bool cancelled, EmailPriority priority)
    {
        if (!notice.MayEmail || notice.PatientEmail is null)
            return null;
        var a = notice.Appointment;
        using var _ = new CultureScope(notice.Language);
        var when = TimesOf(notice).WhenWithZone(a.StartUtc);
        var (service, department, place) = (names[notice.ServiceName], names[notice.DepartmentName], PlaceOf(notice));
        var subject = $"{localizer[subjectKey]}: {service}, {when}";
        var mail = templates.Render(subject, "Appointment", new AppointmentEmail(
            localizer["Hello {0},", notice.PatientFirstName],
            localizer[leadKey],
            $"{service} – {notice.ClinicianName} ({department})",
            when,
            [.. VisitLines(place, cancelled)],
            cancelled
                ? localizer["If you did not cancel this, or want a new time, call us on {0}.", PhoneOf(notice)]
                : localizer["To change or cancel, use your appointments page, or call us on {0}.", PhoneOf(notice)],
            links.Appointments()));

        var entry = calendar.Entry(a, service, department, place) with { Cancelled = cancelled };
        return outbox.Enqueue(priority, notice.PatientEmail, mail.Subject, mail.TextBody, mail.HtmlBody, calendar.Invitation(entry, notice.PatientEmail));
    }
}
