namespace PatientExperience.Infrastructure.Forms;

/// <summary>What a later copy of a form finds under its key: who claimed it, and where the first copy went (null while it runs).</summary>
public sealed record FormKeyHolder(string? UserId, string? ResultUrl);
