using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientExperience.Core.Common;
using PatientExperience.Core.Email;
using PatientExperience.Core.Staff;
using PatientExperience.Infrastructure.Data;

namespace PatientExperience.Infrastructure.Identity;

public sealed record StaffListItem(int Id, string Name, string Email, string JobTitle, string? Department, bool IsClinician, bool IsActive, IReadOnlyList<string> Roles);
