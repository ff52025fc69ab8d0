using PatientExperience.Core.Email;
using PatientExperience.UnitTests.Infrastructure;

namespace PatientExperience.UnitTests.Email.OutboxMessageTests;

public class MarkSent
{
    private static readonly DateTime Now = Messages.Created.AddMinutes(10);

    [Fact]
    public void RecordsWhenItWasSent()
    {
        var message = Messages.Reminder();

        message.MarkSent(Now);

        Assert.Equal(Now, message.SentAtUtc);
        Assert.Equal(1, message.Attempts);
    }

    [Fact]
    public void ClearsTheClaimAndTheEarlierError()
    {
        var message = Messages.Reminder();
        message.MarkFailed("SocketException", Now);
        message.With(nameof(OutboxMessage.ClaimToken), Guid.NewGuid())
            .With(nameof(OutboxMessage.ClaimedUntilUtc), Now.AddMinutes(6));

        message.MarkSent(Now.AddMinutes(1));

        Assert.Null(message.ClaimToken);
        Assert.Null(message.ClaimedUntilUtc);
        Assert.Null(message.LastError);
        Assert.Equal(2, message.Attempts);
    }
}
