using System.Globalization;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Dashboards;

public enum TrendGrain
{
    Week,
    Month,
}
