using PatientExperience.Core.Common;
using PatientExperience.Core.Staff;

namespace PatientExperience.UnitTests.Staff;

public class SaveStaffMemberValidatorTests
{
    private static readonly SaveStaffMember Valid = new(
        "Sam", "Okafor", "sam.okafor@clinic.example", "Receptionist", DepartmentId: null,
        IsClinician: false, Roles: [Roles.FrontDesk]);

    private static List<ValidationError> Errors(SaveStaffMember request) =>
        [.. new SaveStaffMemberValidator().Validate(request).ToErrors()];

    [Fact]
    public void AcceptsAFrontDeskMemberWithoutADepartment() => Assert.Empty(Errors(Valid));

    [Fact]
    public void AcceptsEveryStaffRoleTogether() => Assert.Empty(Errors(Valid with { Roles = Roles.StaffRoles }));

    [Fact]
    public void NeedsAtLeastOneRole() =>
        Assert.Equal([new ValidationError(nameof(SaveStaffMember.Roles), "Choose at least one role.")],
            Errors(Valid with { Roles = [] }));

    [Fact]
    public void RejectsThePatientRole() =>
        Assert.Equal([new ValidationError(nameof(SaveStaffMember.Roles), "Choose roles from the list.")],
            Errors(Valid with { Roles = [Roles.FrontDesk, Roles.Patient] }));

    [Theory]
    [InlineData("Surgeon")]
    [InlineData("admin")]
    public void RejectsRolesThatDoNotExist(string role) =>
        Assert.Equal([new ValidationError(nameof(SaveStaffMember.Roles), "Choose roles from the list.")],
            Errors(Valid with { Roles = [role] }));

    [Fact]
    public void NeedsADepartmentForAClinician() =>
        Assert.Equal([new ValidationError(nameof(SaveStaffMember.DepartmentId), "A clinician needs a department so patients can book them.")],
            Errors(Valid with { IsClinician = true, Roles = [Roles.Clinician] }));

    [Fact]
    public void AcceptsAClinicianWithADepartment() =>
        Assert.Empty(Errors(Valid with { IsClinician = true, DepartmentId = 3, Roles = [Roles.Clinician] }));
}
