using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.ServiceRecovery;

namespace PatientExperience.Core.Surveys;

public enum SurveyState
{
    Open,
    /// <summary>Unknown, tampered or cut short: we cannot tell which, and we say so kindly.</summary>
    NotFound,
    Answered,
    Expired,
}
