using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;

namespace PatientExperience.Core.Appointments;

public enum FlowStep
{
    Arrived,
    InRoom,
    Completed,
    NoShow,
    /// <summary>"They came after all": a recent no-show is back, arrived, if its time is still free.</summary>
    UndoNoShow,
}
