using Microsoft.AspNetCore.Mvc.Rendering;
using PatientExperience.Core.Complaints;

namespace PatientExperience.Web.ViewModels;

public sealed record ComplaintDetailsViewModel(
    Complaint Complaint,
    string Complainant,
    string? ComplainantEmail,
    string? ComplainantPhone,
    string? ConcernedStaff,
    string? Visit,
    IReadOnlyList<ComplaintEventRow> Events,
    IReadOnlyList<SelectListItem> Owners,
    ComplaintPolicyPack Pack,
    int ReopenDays,
    bool MayManage,
    DateTime NowUtc,
    DateTime? ProgressLetterDueUtc,
    string TimeZone);
