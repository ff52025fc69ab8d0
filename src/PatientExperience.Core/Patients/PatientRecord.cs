using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Auditing;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;

namespace PatientExperience.Core.Patients;

public sealed record PatientRecord(Patient Patient, IReadOnlyList<TimelineItem> Timeline, bool HasLogin);
