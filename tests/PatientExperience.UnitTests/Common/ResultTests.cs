using PatientExperience.Core.Common;

namespace PatientExperience.UnitTests.Common;

public class ResultTests
{
    [Fact]
    public void InvalidCarriesEachFieldsMessage()
    {
        var first = new ValidationError("FirstName", "Enter your first name.");
        var phone = new ValidationError("Phone", "Enter a phone number we can reach you on.");

        var result = Result.Invalid(first, phone);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.False(result.IsSuccess);
        Assert.Equal([first, phone], result.Errors);
    }

    [Fact]
    public void InvalidOfValueCarriesEachFieldsMessageAndNoValue()
    {
        var error = new ValidationError("Email", "That email address is too long.");

        var result = Result<int>.Invalid([error]);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal([error], result.Errors);
        Assert.Equal(default, result.Value);
    }

    [Fact]
    public void ConflictPutsTheMessageOnTheWholeForm()
    {
        var result = Result.Conflict("That time was just taken.");

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.False(result.IsSuccess);
        Assert.Equal(new ValidationError(string.Empty, "That time was just taken."), Assert.Single(result.Errors));
    }

    [Fact]
    public void ConflictOfValuePutsTheMessageOnTheWholeForm()
    {
        var result = Result<string>.Conflict("That time was just taken.");

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal(new ValidationError(string.Empty, "That time was just taken."), Assert.Single(result.Errors));
        Assert.Null(result.Value);
    }

    [Fact]
    public void SuccessOfValueCarriesTheValueAndNoErrors()
    {
        var result = Result<string>.Success("P-000042");

        Assert.True(result.IsSuccess);
        Assert.Equal("P-000042", result.Value);
        Assert.Empty(result.Errors);
    }
}
