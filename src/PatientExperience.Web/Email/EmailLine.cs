namespace PatientExperience.Web.Email;

// The small models of the email templates in Views/Emails. Every sentence is already in the reader's language
// (the notifiers write them inside a CultureScope); the HTML and text views of an email show the same model.

/// <summary>A line of an email, with the link it is about (written out in full in the text part).</summary>
public sealed record EmailLine(string Text, string? Url = null)
{
    public static implicit operator EmailLine(string text) => new(text);
}

