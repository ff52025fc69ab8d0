namespace PatientExperience.Infrastructure.Letters;

/// <summary>A paragraph of a letter, under an optional heading; line breaks in <paramref name="Text"/> are kept.</summary>
public sealed record LetterSection(string? Heading, string Text);
