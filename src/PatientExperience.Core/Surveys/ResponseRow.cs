using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Auditing;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Surveys;

public sealed record ResponseRow(int Id, DateTime RespondedAtUtc, string Department, string Clinician, int? Recommend, string? CommentSentiment, bool FollowUpOpened);
