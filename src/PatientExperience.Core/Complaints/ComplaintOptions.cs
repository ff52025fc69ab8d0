namespace PatientExperience.Core.Complaints;

/// <summary>Section "Complaints". An admin's choice on the settings page (stored in the database) wins over <see cref="PolicyPack"/>.</summary>
public sealed class ComplaintOptions
{
    public const string Section = "Complaints";

    /// <summary>One of <see cref="PolicyPacks"/>: Standard, NhsEngland, NhsScotland, NhsWales, UsHospitalGrievance.</summary>
    public string PolicyPack { get; set; } = PolicyPacks.Standard;
    /// <summary>Calendar days after the resolution in which a complaint may be reopened.</summary>
    public int ReopenDays { get; set; } = 28;
    /// <summary>Working days before a deadline from which a complaint counts as due soon (and escalates).</summary>
    public int DueSoonWorkingDays { get; set; } = 2;
}

/// <summary>A staff member people can be pointed to: owners, managers.</summary>
public sealed record StaffContact(int Id, string Name, string Email);

/// <summary>Who manages what. Needs the sign-in roles, so Infrastructure answers it.</summary>
public interface IComplaintStaffDirectory
{
    /// <summary>The manager of the department (a Manager working in it), else the clinic's first manager; null when there is none.</summary>
    Task<StaffContact?> DepartmentManagerAsync(int? departmentId, CancellationToken cancellationToken);

    /// <summary>Everyone who may own a complaint (managers and admins), by name.</summary>
    Task<IReadOnlyList<StaffContact>> OwnersAsync(CancellationToken cancellationToken);
}

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

/// <summary>Writes complaint emails through the outbox (in the caller's unit of work).</summary>
public interface IComplaintNotifier
{
    void Acknowledgement(ComplaintNotice notice);
    void WrittenResponse(ComplaintNotice notice, WrittenResponse response);
    void Message(ComplaintNotice notice, string text);
    void ManagerAlert(ComplaintNotice notice, StaffContact manager);
    /// <summary>One complaint, escalated by hand.</summary>
    void Escalation(ComplaintNotice notice, StaffContact manager, bool overdue);
    /// <summary>What the clock escalated in one round, one email per manager (staff priority: it goes after patient mail).</summary>
    void EscalationDigest(StaffContact manager, IReadOnlyList<EscalatedComplaint> complaints);
}

/// <summary>A complaint the clock escalated: due soon, or overdue.</summary>
public sealed record EscalatedComplaint(ComplaintNotice Notice, bool Overdue);

/// <summary>
/// Hands out reference numbers (CMP-2026-000123), unique under concurrency because the database decides: the
/// year's counter row is incremented by an UPDATE that holds its lock until the surrounding transaction ends.
/// Call it inside the transaction that saves the complaint.
/// </summary>
public interface IComplaintReferences
{
    Task<string> NextAsync(int year, CancellationToken cancellationToken);
}
