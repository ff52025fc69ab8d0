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
