using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Auditing;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;

namespace PatientExperience.Core.Patients;

public sealed record PatientSearchHit(int Id, string? ReferenceNumber, string FirstName, string LastName, DateOnly DateOfBirth, string Phone);
