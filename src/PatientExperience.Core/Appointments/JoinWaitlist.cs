using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;

namespace PatientExperience.Core.Appointments;

public sealed record JoinWaitlist(int PatientId, int? ServiceId, int? ClinicianId, DateOnly? From, DateOnly? To, int? StaffMemberId);
