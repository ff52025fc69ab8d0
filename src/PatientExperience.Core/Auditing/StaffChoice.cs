using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Auditing;

public sealed record StaffChoice(int Id, string Name);
