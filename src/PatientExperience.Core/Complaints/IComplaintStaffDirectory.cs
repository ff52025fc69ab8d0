namespace PatientExperience.Core.Complaints;

/// <summary>Who manages what. Needs the sign-in roles, so Infrastructure answers it.</summary>
public interface IComplaintStaffDirectory
{
    /// <summary>The manager of the department (a Manager working in it), else the clinic's first manager; null when there is none.</summary>
    Task<StaffContact?> DepartmentManagerAsync(int? departmentId, CancellationToken cancellationToken);

    /// <summary>Everyone who may own a complaint (managers and admins), by name.</summary>
    Task<IReadOnlyList<StaffContact>> OwnersAsync(CancellationToken cancellationToken);
}
