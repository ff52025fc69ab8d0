using PatientExperience.Core.Common;
using PatientExperience.Core.Departments;

namespace PatientExperience.UnitTests.Departments;

public class SaveDepartmentValidatorTests
{
    private static readonly SaveDepartment Valid = new("Cardiology", "Heart and circulation.", "+1 555 010 0200");

    private static List<ValidationError> Errors(SaveDepartment request) =>
        [.. new SaveDepartmentValidator().Validate(request).ToErrors()];

    [Fact]
    public void AcceptsACompleteDepartment() => Assert.Empty(Errors(Valid));

    [Fact]
    public void AcceptsADepartmentWithoutPhoneOrDescription() =>
        Assert.Empty(Errors(Valid with { Description = null, Phone = "  " }));

    [Fact]
    public void AsksForTheName() =>
        Assert.Equal([new ValidationError(nameof(SaveDepartment.Name), "Enter the department's name.")],
            Errors(Valid with { Name = "" }));

    [Fact]
    public void RejectsAPhoneNumberWithLetters() =>
        Assert.Equal([new ValidationError(nameof(SaveDepartment.Phone), "Enter a phone number using digits, for example 555 010 0123.")],
            Errors(Valid with { Phone = "555-CARDIO" }));

    [Fact]
    public void RejectsADescriptionLongerThanTheColumn() =>
        Assert.Equal([new ValidationError(nameof(SaveDepartment.Description), "Keep the description to 1000 characters or fewer.")],
            Errors(Valid with { Description = new string('a', SchemaLimits.DescriptionLength + 1) }));

    [Fact]
    public void AcceptsADescriptionExactlyAsLongAsTheColumn() =>
        Assert.Empty(Errors(Valid with { Description = new string('a', SchemaLimits.DescriptionLength) }));
}
