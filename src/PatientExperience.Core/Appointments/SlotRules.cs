namespace PatientExperience.Core.Appointments;

/// <summary>How a service is booked: visit length, buffers around it, how soon and how far ahead, and the grid.</summary>
public sealed record SlotRules(
    int DurationMinutes, int BufferBeforeMinutes, int BufferAfterMinutes,
    TimeSpan MinimumNotice, int HorizonDays, int StepMinutes);
