using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;
using PatientExperience.Core.Complaints;

namespace PatientExperience.Core.Surveys;

public sealed record PraiseReceived(DateTime ReceivedAtUtc, string Excerpt);
