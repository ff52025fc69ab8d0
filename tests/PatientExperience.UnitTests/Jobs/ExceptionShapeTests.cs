using PatientExperience.Infrastructure.Jobs;

namespace PatientExperience.UnitTests.Jobs;

public class ExceptionShapeTests
{
    private static InvalidOperationException Thrown()
    {
        try
        {
            try
            {
                throw new FormatException("Patient jane.doe@example.com, phone +15550100123");
            }
            catch (FormatException inner)
            {
                throw new InvalidOperationException("Sending to jane.doe@example.com failed", inner);
            }
        }
        catch (InvalidOperationException outer)
        {
            return outer;
        }
    }

    [Fact]
    public void AFailedRoundIsLoggedWithEveryTypeAndWhereItWasThrownButNoMessage()
    {
        var text = ExceptionShape.Describe(Thrown());
        Assert.StartsWith("System.InvalidOperationException", text, StringComparison.Ordinal);
        Assert.Contains(" ---> System.FormatException", text, StringComparison.Ordinal);
        Assert.Contains(nameof(Thrown), text, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe", text, StringComparison.Ordinal);
        Assert.DoesNotContain("5550100123", text, StringComparison.Ordinal);
    }
}
