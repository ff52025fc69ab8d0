namespace PatientExperience.Core.Departments;

/// <summary>Something a patient can book, such as "New patient consultation (30 min)".</summary>
public class ClinicService : AuditableEntity, IActivatable
{
    private ClinicService() { }

    public ClinicService(int departmentId, string name, int durationMinutes, string? description)
    {
        Update(departmentId, name, durationMinutes, description);
    }

    public int DepartmentId { get; private set; }
    public Department? Department { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string? Description { get; private set; }
    public int DurationMinutes { get; private set; }
    public bool IsActive { get; private set; } = true;
    /// <summary>Preparation time the clinician needs before the visit (not the patient's time).</summary>
    public int BufferBeforeMinutes { get; private set; }
    /// <summary>Clean-up or notes time after the visit.</summary>
    public int BufferAfterMinutes { get; private set; }

    public void SetBuffers(int beforeMinutes, int afterMinutes)
    {
        BufferBeforeMinutes = beforeMinutes;
        BufferAfterMinutes = afterMinutes;
    }

    public void Update(int departmentId, string name, int durationMinutes, string? description)
    {
        DepartmentId = departmentId;
        Name = name.Trim();
        DurationMinutes = durationMinutes;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
    }

    public void Deactivate() => IsActive = false;
    public void Reactivate() => IsActive = true;
}
