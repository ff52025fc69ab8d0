namespace PatientExperience.Core.Appointments;

/// <summary>One visit's expected start, from the flow board's live state.</summary>
public sealed record LatenessEstimate(FlowRow Row, DateTime ExpectedStartUtc)
{
    public TimeSpan Late => ExpectedStartUtc - Row.StartUtc;
}
