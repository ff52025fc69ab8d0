using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Staff;

public sealed record HoursInterval(DayOfWeek Day, TimeOnly? Start, TimeOnly? End);
