namespace PatientExperience.Core.Patients;

public sealed record TimelineItem(DateTime OccurredAtUtc, InteractionChannel Channel, InteractionKind Kind, string Summary, string? StaffName,
    string? Template, string? Arguments)
{
    /// <summary>The line as an event to write in the reader's language, or null for an older line (only <see cref="Summary"/>).</summary>
    public TimelineSentence? Sentence => TimelineSentence.From(Template, Arguments);
}
