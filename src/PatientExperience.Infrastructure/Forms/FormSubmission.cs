namespace PatientExperience.Infrastructure.Forms;

/// <summary>
/// One use of a one-time form key: the first request that posts a create form claims its key by inserting this row (the
/// primary key refuses a second), and stores where it sent the person, so a second copy of the same form lands there
/// too. No form data: the key, the user id, when, and the result's local URL. Rows live a day
/// (<see cref="FormSubmissionSweeper"/>).
/// </summary>
public sealed class FormSubmission
{
    public const int ResultUrlLength = 500;

    private FormSubmission()
    {
    }

    public FormSubmission(Guid key, string? userId, DateTime createdAtUtc)
    {
        Key = key;
        UserId = userId;
        CreatedAtUtc = createdAtUtc;
    }

    /// <summary>The key the form carried (a GUID the page made when it drew the form).</summary>
    public Guid Key { get; private set; }

    /// <summary>The signed-in person who claimed it, or null for a form sent without signing in (registration).</summary>
    public string? UserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Where the first request redirected; null while it is still running.</summary>
    public string? ResultUrl { get; private set; }
}
