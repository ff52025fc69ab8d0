namespace PatientExperience.Core.Interactions;

/// <summary>One value in a <see cref="TimelineSentence"/>: a piece of text (a name, a reference) or an instant.</summary>
public readonly record struct TimelineValue(string? Text, DateTime? AtUtc)
{
    public static TimelineValue Time(DateTime utc) => new(null, DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public static implicit operator TimelineValue(string text) => new(text, null);
}
