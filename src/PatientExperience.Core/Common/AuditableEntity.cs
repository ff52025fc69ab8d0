namespace PatientExperience.Core.Common;

/// <summary>
/// Base for entities whose creation and last change are stamped by the save interceptor
/// (from <see cref="TimeProvider"/> and the signed-in user), never by hand.
/// </summary>
public abstract class AuditableEntity
{
    public int Id { get; protected set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? ModifiedAtUtc { get; set; }
    public string? ModifiedBy { get; set; }
}
