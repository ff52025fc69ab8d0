using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Common;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.Jobs;

namespace PatientExperience.Infrastructure.RateLimiting;

/// <summary>How long windows are kept: an hour, or the longest window when one is longer (it must not be cut short).</summary>
public sealed record RateLimitSweepSchedule(TimeSpan KeepFor);
