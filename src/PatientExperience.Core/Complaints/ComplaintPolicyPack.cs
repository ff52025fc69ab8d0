namespace PatientExperience.Core.Complaints;

/// <summary>
/// A region's complaint rules: how fast to acknowledge and to answer in writing. Where the response
/// deadline is agreed with the complainant (NHS England), <see cref="ResponseDays"/> is the default
/// offered until one is agreed, and a progress letter is due once <see cref="ProgressLetterAfterMonths"/> pass.
/// </summary>
public sealed record ComplaintPolicyPack(
    string Code,
    string Name,
    int AcknowledgeDays,
    DeadlineUnit AcknowledgeUnit,
    int ResponseDays,
    DeadlineUnit ResponseUnit,
    bool ResponseByAgreement,
    int? ProgressLetterAfterMonths,
    string Summary);
