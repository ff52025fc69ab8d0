namespace PatientExperience.Infrastructure.Letters;

/// <summary>
/// A letter as it goes on paper: the clinic's letterhead, the recipient's name and postal address, the date and
/// reference, a title, the body and who signs it. The HTML print page and the PDF are both drawn from this, so they
/// always say the same. Every string is already in the reader's language.
/// </summary>
public sealed record Letter(
    string ClinicName,
    IReadOnlyList<string> ClinicAddress,
    string ClinicPhoneLine,
    string RecipientName,
    IReadOnlyList<string> RecipientAddress,
    string DateLine,
    string ReferenceLine,
    string Title,
    string Salutation,
    IReadOnlyList<LetterSection> Sections,
    string Closing,
    string SignatoryName,
    string? SignatoryRole,
    string Language)
{
    /// <summary>Lines of a multi-line address, blank lines dropped.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}
