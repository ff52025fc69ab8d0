namespace PatientExperience.Core.Complaints;

/// <summary>
/// What a complaint letter or alert needs, without the caller knowing about email. <see cref="ComplainantCanSignIn"/>: the
/// complainant is a patient with a portal login, so their letters may link to their complaint page; otherwise they carry
/// the reference and the phone number instead of a link no one could open.
/// </summary>
public sealed record ComplaintNotice(
    int ComplaintId,
    string Reference,
    string? ToName,
    string? ToEmail,
    string Language,
    DateTime ReceivedAtUtc,
    DateTime ResponseDueAtUtc,
    bool ResponseByAgreement,
    string? OwnerName,
    string CategoryName,
    ComplaintSeverity Severity,
    string? DepartmentName,
    bool ComplainantCanSignIn = false)
{
    /// <summary>The patient's number when they chose text for complaint messages (the acknowledgement goes by text).</summary>
    public string? TextTo { get; init; }
    /// <summary>The patient, for the text's line on their timeline.</summary>
    public int? PatientId { get; init; }
    /// <summary>The acknowledgement goes by email too (false when they chose text only and a text can go).</summary>
    public bool AcknowledgeByEmail { get; init; } = true;
    /// <summary>The zone of the complaint's site (its deadlines are the end of that site's day): dates are written in it.</summary>
    public string? TimeZone { get; init; }
}
