namespace PatientExperience.Core.Common;

/// <summary>Set-up records are deactivated, never deleted, so history keeps pointing at them.</summary>
public interface IActivatable
{
    bool IsActive { get; }
    void Deactivate();
    void Reactivate();
}

