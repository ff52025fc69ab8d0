using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.ServiceRecovery;

namespace PatientExperience.Core.Surveys;

public sealed record SurveyLookup(SurveyState State, SurveyView? View);
