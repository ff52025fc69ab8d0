using PatientExperience.Core.Common;
using PatientExperience.Core.Departments;

namespace PatientExperience.UnitTests.Departments;

public class SaveClinicServiceValidatorTests
{
    private static readonly SaveClinicService Valid = new(3, "New patient consultation", 30, "A first visit.");

    private static List<ValidationError> Errors(SaveClinicService request) =>
        [.. new SaveClinicServiceValidator().Validate(request).ToErrors()];

    [Fact]
    public void AcceptsACompleteService() => Assert.Empty(Errors(Valid));

    [Theory]
    [InlineData(5)]
    [InlineData(480)]
    public void AcceptsTheShortestAndLongestLengths(int minutes) =>
        Assert.Empty(Errors(Valid with { DurationMinutes = minutes }));

    [Theory]
    [InlineData(4)]
    [InlineData(481)]
    [InlineData(0)]
    public void RejectsLengthsOutsideFiveToFourHundredEighty(int minutes) =>
        Assert.Equal([new ValidationError(nameof(SaveClinicService.DurationMinutes), "The length must be between 5 and 480 minutes.")],
            Errors(Valid with { DurationMinutes = minutes }));

    [Fact]
    public void AsksForTheLength() =>
        Assert.Equal([new ValidationError(nameof(SaveClinicService.DurationMinutes), "Enter how many minutes the service takes.")],
            Errors(Valid with { DurationMinutes = null }));

    [Fact]
    public void AsksForTheDepartment() =>
        Assert.Equal([new ValidationError(nameof(SaveClinicService.DepartmentId), "Choose the department that offers this service.")],
            Errors(Valid with { DepartmentId = null }));

    [Fact]
    public void AsksForTheName() =>
        Assert.Equal([new ValidationError(nameof(SaveClinicService.Name), "Enter the service's name.")],
            Errors(Valid with { Name = null }));

    [Fact]
    public void RejectsADescriptionLongerThanTheColumn() =>
        Assert.Equal([new ValidationError(nameof(SaveClinicService.Description), "Keep the description to 1000 characters or fewer.")],
            Errors(Valid with { Description = new string('a', SchemaLimits.DescriptionLength + 1) }));

    [Fact]
    public void RejectsALengthOffTheFiveMinuteGrid() =>
        Assert.Equal([new ValidationError(nameof(SaveClinicService.DurationMinutes), "Use a length in steps of 5 minutes.")],
            Errors(Valid with { DurationMinutes = 22 }));

    [Theory]
    [InlineData(-5, 0, nameof(SaveClinicService.BufferBeforeMinutes), "Preparation time must be between 0 and 60 minutes.")]
    [InlineData(0, 65, nameof(SaveClinicService.BufferAfterMinutes), "Time after must be between 0 and 60 minutes.")]
    [InlineData(7, 0, nameof(SaveClinicService.BufferBeforeMinutes), "Use steps of 5 minutes.")]
    public void RejectsBuffersOutOfRangeOrOffTheGrid(int before, int after, string field, string message) =>
        Assert.Contains(new ValidationError(field, message), Errors(Valid with { BufferBeforeMinutes = before, BufferAfterMinutes = after }));

    [Fact]
    public void AcceptsBuffersOnTheGrid() => Assert.Empty(Errors(Valid with { BufferBeforeMinutes = 10, BufferAfterMinutes = 60 }));
}
