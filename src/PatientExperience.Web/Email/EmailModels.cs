namespace PatientExperience.Web.Email;

// The small models of the email templates in Views/Emails. Every sentence is already in the reader's language
// (the notifiers write them inside a CultureScope); the HTML and text views of an email show the same model.

/// <summary>A line of an email, with the link it is about (written out in full in the text part).</summary>
public sealed record EmailLine(string Text, string? Url = null)
{
    public static implicit operator EmailLine(string text) => new(text);
}

/// <summary>Views/Emails/Appointment: booked, moved, cancelled and reminder.</summary>
public sealed record AppointmentEmail(
    string Greeting, string Lead, string Visit, string When, IReadOnlyList<string> Place, string Contact, string Url);

/// <summary>Views/Emails/WaitlistOffer: a freed time held for the patient, confirmed with one click.</summary>
public sealed record WaitlistOfferEmail(string Greeting, string Offer, string When, string Hold, string Url);

/// <summary>Views/Emails/Survey: an invitation or reminder with the single-use link.</summary>
public sealed record SurveyEmail(string Greeting, string Lead, string Visit, string Expiry, string Url);

/// <summary>Views/Emails/Letter: complaint letters, staff alerts and "we heard you": lines, then an optional link.</summary>
public sealed record LetterEmail(string Greeting, IReadOnlyList<EmailLine> Lines, string? Url);

/// <summary>Views/Emails/Account: account mail with one action button.</summary>
public sealed record AccountEmail(string Greeting, IReadOnlyList<string> Paragraphs, string Action, string Url, string Footer);
