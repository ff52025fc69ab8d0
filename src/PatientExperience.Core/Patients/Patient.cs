namespace PatientExperience.Core.Patients;

/// <summary>
/// A person the clinic cares for. A login is optional: the front desk can register a caller
/// who has never used the portal, and the record is linked when they sign up.
/// </summary>
public class Patient : AuditableEntity
{
    private Patient() { }

    public Patient(string firstName, string lastName, DateOnly dateOfBirth, string phone, string? email, string preferredLanguage)
    {
        UpdateDetails(firstName, lastName, dateOfBirth, phone, email, preferredLanguage);
        ContactByEmail = Email is not null;
        ContactByPhone = true;
    }

    /// <summary>What staff read back on the phone, e.g. P-000123. Given from the id right after the first save.</summary>
    public string? ReferenceNumber { get; private set; }
    public string FirstName { get; private set; } = string.Empty;
    public string LastName { get; private set; } = string.Empty;
    public DateOnly DateOfBirth { get; private set; }
    public string Phone { get; private set; } = string.Empty;
    /// <summary>Digits only, so a search by phone matches however it was typed.</summary>
    public string PhoneDigits { get; private set; } = string.Empty;
    public string? Email { get; private set; }
    public string PreferredLanguage { get; private set; } = SupportedLanguages.Default;
    /// <summary>
    /// May we send optional email (a survey after a visit)? Messages a patient needs (confirmations, changes, reminders,
    /// waitlist offers, replies to their complaint) go to <see cref="Email"/> whenever there is one.
    /// </summary>
    public bool ContactByEmail { get; private set; }

    /// <summary>
    /// Visit messages (confirmation, change, cancellation, reminder) by text to <see cref="Phone"/>, when it can get texts.
    /// </summary>
    public bool ContactBySms { get; private set; }

    /// <summary>With <see cref="ContactBySms"/>: text only, no email about visits. Ignored when the phone cannot get
    /// texts, so a patient always gets what they need.</summary>
    public bool TextInsteadOfEmail { get; private set; }

    /// <summary>How reminders come (email, text or both); the same as visit messages unless they chose otherwise.</summary>
    public VisitMessages ReminderMessages { get; private set; }

    /// <summary>How the survey link after a visit comes. Email (the default) goes only with <see cref="ContactByEmail"/>;
    /// choosing text is itself the patient's yes to a survey by text.</summary>
    public VisitMessages SurveyMessages { get; private set; }

    /// <summary>How the acknowledgement of their complaint comes (email by default, as before).</summary>
    public VisitMessages ComplaintMessages { get; private set; }

    /// <summary>How waitlist offers come (email, text or both); the same as visit messages unless they chose otherwise.</summary>
    public VisitMessages WaitlistMessages { get; private set; }

    /// <summary>When we last texted them help for a reply we could not read while no visit was waiting for an answer
    /// (a visit keeps its own: <see cref="Appointments.Appointment.TextHelpSentAtUtc"/>). Help goes once a day at most.</summary>
    public DateTime? TextHelpSentAtUtc { get; private set; }

    /// <summary>When they texted STOP (or BAJA, 退订…): no text goes to them until they text START. Null: texts allowed.</summary>
    public DateTime? TextsStoppedAtUtc { get; private set; }
    public bool ContactByPhone { get; private set; }
    public string? UserId { get; private set; }

    public string FullName => $"{FirstName} {LastName}";

    public void UpdateDetails(string firstName, string lastName, DateOnly dateOfBirth, string phone, string? email, string preferredLanguage)
    {
        FirstName = firstName.Trim();
        LastName = lastName.Trim();
        DateOfBirth = dateOfBirth;
        Phone = phone.Trim();
        PhoneDigits = ValidationExtensions.PhoneDigits(phone);
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        ContactByEmail &= Email is not null;
        PreferredLanguage = SupportedLanguages.IsSupported(preferredLanguage) ? preferredLanguage : SupportedLanguages.Default;
    }

    /// <summary>The same number written in E.164 (the one-off conversion of numbers stored as typed).</summary>
    public void NormalizePhone(string e164)
    {
        Phone = e164;
        PhoneDigits = ValidationExtensions.PhoneDigits(e164);
    }

    public void SetContactPreferences(bool byEmail, bool byPhone)
    {
        ContactByEmail = byEmail && Email is not null;
        ContactByPhone = byPhone;
    }

    /// <summary>
    /// One way for visit messages, reminders and waitlist offers (the page's first choice). Text only when
    /// <paramref name="phoneCanText"/>; text only needs no email.
    /// </summary>
    public void SetVisitMessages(VisitMessages choice, bool phoneCanText)
    {
        SetMessages(MessageKind.Visit, choice, phoneCanText);
        SetMessages(MessageKind.Reminder, choice, phoneCanText);
        SetMessages(MessageKind.Waitlist, choice, phoneCanText);
    }

    /// <summary>How they want one kind of message. Text or both only when <paramref name="phoneCanText"/>, else email.</summary>
    public void SetMessages(MessageKind kind, VisitMessages choice, bool phoneCanText)
    {
        var stored = phoneCanText || choice == VisitMessages.Email ? choice : VisitMessages.Email;
        switch (kind)
        {
            case MessageKind.Reminder:
                ReminderMessages = stored;
                return;
            case MessageKind.Survey:
                SurveyMessages = stored;
                return;
            case MessageKind.Complaint:
                ComplaintMessages = stored;
                return;
            case MessageKind.Waitlist:
                WaitlistMessages = stored;
                return;
        }
        ContactBySms = stored is VisitMessages.Text or VisitMessages.Both;
        TextInsteadOfEmail = stored == VisitMessages.Text;
    }

    /// <summary>What they chose for visit messages (what they get also depends on the phone: <see cref="Channels(bool)"/>).</summary>
    public VisitMessages ChosenVisitMessages => !ContactBySms ? VisitMessages.Email : TextInsteadOfEmail ? VisitMessages.Text : VisitMessages.Both;

    /// <summary>What they chose for <paramref name="kind"/>.</summary>
    public VisitMessages Chosen(MessageKind kind) => kind switch
    {
        MessageKind.Reminder => ReminderMessages,
        MessageKind.Survey => SurveyMessages,
        MessageKind.Complaint => ComplaintMessages,
        MessageKind.Waitlist => WaitlistMessages,
        _ => ChosenVisitMessages,
    };

    /// <summary>Where visit messages (confirmations, changes, cancellations) go: <see cref="Channels(MessageKind, bool)"/>.</summary>
    public (bool Email, bool Text) Channels(bool phoneCanText) => Channels(MessageKind.Visit, phoneCanText);

    /// <summary>
    /// Where a message of <paramref name="kind"/> goes: a text when they chose it for that kind, <paramref name="phoneCanText"/>
    /// and they have not texted STOP; an email when there is an address and they did not choose text only — or when no
    /// text can go, so something always reaches them. The one place that decides channels.
    /// </summary>
    public (bool Email, bool Text) Channels(MessageKind kind, bool phoneCanText)
    {
        var choice = Chosen(kind);
        var text = choice is VisitMessages.Text or VisitMessages.Both && phoneCanText && TextsStoppedAtUtc is null;
        var email = Email is not null && (!text || choice != VisitMessages.Text);
        return (email, text);
    }

    /// <summary>They texted STOP: no more texts (email instead, where there is an address) until they text START.</summary>
    public void StopTexts(DateTime nowUtc) => TextsStoppedAtUtc ??= nowUtc;

    /// <summary>Marks the help text for an unreadable reply as sent; false when it went in the last day (<see cref="Sms.TextHelp"/>).</summary>
    public bool TryMarkTextHelpSent(DateTime nowUtc)
    {
        if (!Sms.TextHelp.MayGo(TextHelpSentAtUtc, nowUtc))
            return false;
        TextHelpSentAtUtc = nowUtc;
        return true;
    }

    /// <summary>They texted START: texts as they chose on /my/details again.</summary>
    public void StartTexts() => TextsStoppedAtUtc = null;

    public void LinkLogin(string userId) => UserId = userId;

    public void AssignReference()
    {
        if (Id == 0)
            throw new InvalidOperationException("Save the patient before giving it a reference.");
        ReferenceNumber ??= $"P-{Id:D6}";
    }
}
