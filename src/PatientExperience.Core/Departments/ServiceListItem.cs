using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Departments;

public sealed record ServiceListItem(int Id, string Name, string Department, int DurationMinutes, bool IsActive);
