namespace PatientExperience.Core.Appointments;

public enum BookingStatus
{
    Booked,
    /// <summary>Someone else got the time first (or it is no longer offered): show the nearest free times.</summary>
    SlotTaken,
    /// <summary>The patient already has a visit that overlaps.</summary>
    PatientBusy,
    NotFound,
    /// <summary>Too late for the patient to change it themselves.</summary>
    PastCutoff,
    Invalid,
    /// <summary>The database refused the change for a reason other than the time (the time is still free): nothing changed.</summary>
    NotSaved,
}
