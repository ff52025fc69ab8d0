using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.ServiceRecovery;

namespace PatientExperience.Core.Surveys;

public sealed record PendingSurvey(int InvitationId, string ClinicianName, string DepartmentName, DateTime VisitStartUtc, DateTime ExpiresAtUtc);
