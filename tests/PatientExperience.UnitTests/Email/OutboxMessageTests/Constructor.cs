namespace PatientExperience.UnitTests.Email.OutboxMessageTests;

public class Constructor
{
    [Fact]
    public void IsDueAsSoonAsItIsQueued() => Assert.Equal(Messages.Created, Messages.Reminder().NextAttemptAtUtc);

    [Fact]
    public void WaitsUntilNotBeforeWhenGiven()
    {
        var notBefore = Messages.Created.AddHours(20);

        Assert.Equal(notBefore, Messages.Reminder(notBefore).NextAttemptAtUtc);
    }

    [Fact]
    public void GivesEachEmailItsOwnMessageId() =>
        Assert.NotEqual(Messages.Reminder().MessageId, Messages.Reminder().MessageId);
}
