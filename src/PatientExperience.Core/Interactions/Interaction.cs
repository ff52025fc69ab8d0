using PatientExperience.Core.Patients;
using PatientExperience.Core.Staff;

namespace PatientExperience.Core.Interactions;

/// <summary>One touchpoint with a patient: the shared timeline everyone works from.</summary>
public class Interaction : AuditableEntity
{
    private Interaction() { }

    public Interaction(int patientId, int? staffMemberId, InteractionChannel channel, InteractionKind kind, string summary, DateTime occurredAtUtc)
    {
        PatientId = patientId;
        StaffMemberId = staffMemberId;
        Channel = channel;
        Kind = kind;
        Summary = summary.Length > SchemaLimits.SummaryLength ? summary[..SchemaLimits.SummaryLength] : summary;
        OccurredAtUtc = occurredAtUtc;
    }

    /// <summary>A line stored as an event (<see cref="TimelineSentence"/>); <see cref="Summary"/> keeps its English for search and exports.</summary>
    public Interaction(int patientId, int? staffMemberId, InteractionChannel channel, InteractionKind kind, TimelineSentence sentence, string englishSummary, DateTime occurredAtUtc)
        : this(patientId, staffMemberId, channel, kind, englishSummary, occurredAtUtc)
    {
        Template = sentence.Template;
        Arguments = sentence.ValuesJson();
    }

    /// <summary>A line with no time in it, stored as an event: its English summary is the template filled in.</summary>
    public Interaction(int patientId, int? staffMemberId, InteractionChannel channel, InteractionKind kind, TimelineSentence sentence, DateTime occurredAtUtc)
        : this(patientId, staffMemberId, channel, kind, sentence, sentence.Write(template => template,
            at => at.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)), occurredAtUtc)
    {
    }

    public int PatientId { get; private set; }
    public Patient? Patient { get; private set; }
    public int? StaffMemberId { get; private set; }
    public StaffMember? StaffMember { get; private set; }
    public InteractionChannel Channel { get; private set; }
    public InteractionKind Kind { get; private set; }
    public string Summary { get; private set; } = string.Empty;
    public DateTime OccurredAtUtc { get; private set; }
    /// <summary>The line's template (English, also its translation key), or null on rows written before lines were stored as events.</summary>
    public string? Template { get; private set; }
    /// <summary>The template's values as JSON (<see cref="TimelineSentence.ValuesJson"/>).</summary>
    public string? Arguments { get; private set; }
}
