using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PatientExperience.Core.Dashboards;

public enum RollupBackfillState
{
    Done,
    Running,
    Failed,
}
