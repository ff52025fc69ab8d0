using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Email;
using PatientExperience.Core.Sms;
using PatientExperience.Infrastructure.Calendar;
using PatientExperience.Infrastructure.Identity;
using PatientExperience.Web.Configurations;

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
        Text(notice, "{0}: a reminder of your appointment on {1} with {2} at {3}.", cancelled: false, EmailPriority.Reminder)
            ?.DiscardAfter(notice.Appointment.StartUtc);
    }

    /// <summary>
    /// The text beside the email, for a patient who chose text: clinic, date and time, clinician and place only (no
    /// service, nothing medical), in their language, at most <see cref="SmsSegments.MaxParts"/> SMS. The longest
    /// wording that fits is used: with the address, then the department only, then the time without its zone.
    /// </summary>
    public OutboxMessage? Text(AppointmentNotice notice, string key, bool cancelled, EmailPriority priority)
    {
        if (notice.TextTo is null)
            return null;
        return outbox.EnqueueText(priority, notice.TextTo, TextFor(notice, key, cancelled));
    }

    public string TextFor(AppointmentNotice notice, string key, bool cancelled)
    {
        var a = notice.Appointment;
        using var _ = new CultureScope(notice.Language);
        var call = cancelled
            ? localizer["For a new time, call {0}.", phones.Display(clinic.Value.Phone)]
            : localizer["To change or cancel, call {0}.", phones.Display(clinic.Value.Phone)];
        var places = names.Place(notice.Place) is { } place ? new[] { place.OneLine, place.Department }.Distinct() : [names[notice.DepartmentName]];
        string? text = null;
        foreach (var when in new[] { times.WhenWithZone(a.StartUtc), times.When(a.StartUtc) })
        {
            foreach (var where in places)
            {
                text = SmsAlphabet.PreferGsm7($"{localizer[key, clinic.Value.Name, when, notice.ClinicianName, where]} {call}");
                if (SmsSegments.Fits(text))
                    return text;
            }
        }
        return text!;
    }

    public void WaitlistOffer(WaitlistOfferNotice notice)
    {
        using var _ = new CultureScope(notice.Language);
        var when = When(notice.StartUtc);
        var until = When(notice.ExpiresAtUtc);
        var url = CultureLinks.With(links.WaitlistOffer(notice.Token), notice.Language);
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
    /// The day's check-in link, by text or email as they chose. Not sent once the visit is over (a dispatcher back after
    /// a long stop).
    /// </summary>
    public void CheckInLink(AppointmentNotice notice, string token)
    {
        var a = notice.Appointment;
        using var _ = new CultureScope(notice.Language);
        var url = CultureLinks.With(links.CheckIn(token), notice.Language);
        var time = times.Time(a.StartUtc);
        if (notice.TextTo is not null)
        {
            var text = SmsAlphabet.PreferGsm7(localizer["{0}: when you arrive for your visit at {1}, check in here: {2}", clinic.Value.Name, time, url]);
            outbox.EnqueueText(EmailPriority.Transactional, notice.TextTo, text).DiscardAfter(a.EndUtc);
        }
        if (notice.MayEmail && notice.PatientEmail is not null)
        {
            var mail = templates.Render(localizer["Check in for your visit at {0}", time], "Account", new AccountEmail(
                localizer["Hello {0},", notice.PatientFirstName],
                [localizer["Your visit with {0} is today at {1}.", notice.ClinicianName, time],
                 localizer["When you arrive, press the button to tell us you are here. You do not need to queue at the desk."]],
                localizer["I'm here"],
                url,
                localizer["The link works from one hour before your visit until its end. If you need help, call us on {0}.", phones.Display(clinic.Value.Phone)]));
            outbox.Enqueue(EmailPriority.Transactional, notice.PatientEmail, mail.Subject, mail.TextBody, mail.HtmlBody).DiscardAfter(a.EndUtc);
        }
    }

    /// <summary>"Dr Okafor is running about 20 minutes late…", by text or email as they chose; stale once the visit starts.</summary>
    public void RunningLate(AppointmentNotice notice, int lateMinutes, DateTime expectedStartUtc)
    {
        var a = notice.Appointment;
        using var _ = new CultureScope(notice.Language);
        var sentence = localizer["{0} is running about {1} minutes late. Your visit at {2} may start around {3}.",
            notice.ClinicianName, lateMinutes, times.Time(a.StartUtc), times.Time(expectedStartUtc)].Value;
        var call = localizer["If you need help, call us on {0}.", phones.Display(clinic.Value.Phone)].Value;
        if (notice.TextTo is not null)
            outbox.EnqueueText(EmailPriority.Transactional, notice.TextTo, SmsAlphabet.PreferGsm7($"{clinic.Value.Name}: {sentence}")).DiscardAfter(a.StartUtc);
        if (notice.MayEmail && notice.PatientEmail is not null)
        {
            var mail = templates.Render(localizer["Your clinician is running late"], "Letter", new LetterEmail(
                localizer["Hello {0},", notice.PatientFirstName],
                [sentence, localizer["Please still come at your booked time if you can: the delay may shrink."].Value, call],
                null));
            outbox.Enqueue(EmailPriority.Transactional, notice.PatientEmail, mail.Subject, mail.TextBody, mail.HtmlBody).DiscardAfter(a.StartUtc);
        }
    }

    /// <summary>"Monday, December 7, 2026, 9:30 AM (Eastern Time)" in the reader's language.</summary>
    public string When(DateTime utc) => times.WhenWithZone(utc);

    /// <summary>Where to go, how to find it and what to bring, in the reader's language; nothing for a cancelled visit.</summary>
    private IEnumerable<string> VisitLines(Core.Departments.VisitPlace? place, bool cancelled)
    {
        if (place is null || cancelled)
            yield break;
        if (place.Address is not null)
            yield return localizer["Where: {0}", place.OneLine].Value;
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
        var when = When(a.StartUtc);
        var (service, department, place) = (names[notice.ServiceName], names[notice.DepartmentName], names.Place(notice.Place));
        var subject = $"{localizer[subjectKey]}: {service}, {when}";
        var mail = templates.Render(subject, "Appointment", new AppointmentEmail(
            localizer["Hello {0},", notice.PatientFirstName],
            localizer[leadKey],
            $"{service} – {notice.ClinicianName} ({department})",
            when,
            [.. VisitLines(place, cancelled)],
            cancelled
                ? localizer["If you did not cancel this, or want a new time, call us on {0}.", clinic.Value.Phone]
                : localizer["To change or cancel, use your appointments page, or call us on {0}.", clinic.Value.Phone],
            links.Appointments()));

        var entry = calendar.Entry(a, service, department, place) with { Cancelled = cancelled };
        return outbox.Enqueue(priority, notice.PatientEmail, mail.Subject, mail.TextBody, mail.HtmlBody, calendar.Invitation(entry, notice.PatientEmail));
    }
}
