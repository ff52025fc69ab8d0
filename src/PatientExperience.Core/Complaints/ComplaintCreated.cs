using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientExperience.Core.Auditing;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;

namespace PatientExperience.Core.Complaints;

public sealed record ComplaintCreated(int Id, string Reference, bool Acknowledged);
