namespace PatientExperience.Core.Appointments;

/// <summary>Which of today's visits the front desk list shows.</summary>
public enum DeskStatus
{
    /// <summary>Expected or waiting: the people the desk still deals with (the default).</summary>
    NotSeen,
    /// <summary>Booked, not checked in yet.</summary>
    Expected,
    Waiting,
    WithClinician,
    /// <summary>Completed or did not come.</summary>
    Done,
    All,
}
