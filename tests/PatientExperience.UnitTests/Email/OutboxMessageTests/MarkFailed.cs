using PatientExperience.Core.Email;
using PatientExperience.UnitTests.Infrastructure;

namespace PatientExperience.UnitTests.Email.OutboxMessageTests;

public class MarkFailed
{
    private static readonly DateTime Now = Messages.Created.AddMinutes(10);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    public void RetriesLaterAfterEachFailure(int attempts, int minutes)
    {
        var message = Messages.Reminder();

        for (var i = 0; i < attempts; i++)
            message.MarkFailed("SmtpCommandException", Now);

        Assert.Equal(attempts, message.Attempts);
        Assert.Equal(Now.AddMinutes(minutes), message.NextAttemptAtUtc);
        Assert.Null(message.FailedAtUtc);
    }

    [Fact]
    public void KeepsTryingUntilTheLastAttempt()
    {
        var message = Messages.Reminder();

        for (var i = 0; i < OutboxMessage.MaxAttempts - 1; i++)
            message.MarkFailed("SmtpCommandException", Now);

        Assert.Null(message.FailedAtUtc);
        Assert.Equal(Now.AddMinutes(64), message.NextAttemptAtUtc);
    }

    [Fact]
    public void GivesUpAfterMaxAttempts()
    {
        var message = Messages.Reminder();
        for (var i = 0; i < OutboxMessage.MaxAttempts - 1; i++)
            message.MarkFailed("SmtpCommandException", Now);
        var scheduled = message.NextAttemptAtUtc;
        var last = Now.AddHours(2);

        message.MarkFailed("SmtpCommandException", last);

        Assert.Equal(OutboxMessage.MaxAttempts, message.Attempts);
        Assert.Equal(last, message.FailedAtUtc);
        Assert.Equal(scheduled, message.NextAttemptAtUtc);
    }

    [Fact]
    public void CutsALongErrorToTheColumn()
    {
        var message = Messages.Reminder();
        var error = new string('e', OutboxMessage.ErrorLength) + "TAIL";

        message.MarkFailed(error, Now);

        Assert.Equal(new string('e', OutboxMessage.ErrorLength), message.LastError);
    }

    [Fact]
    public void KeepsAShortErrorWhole()
    {
        var message = Messages.Reminder();

        message.MarkFailed("SocketException", Now);

        Assert.Equal("SocketException", message.LastError);
    }

    [Fact]
    public void ReleasesTheClaimSoTheRetryCanBePickedUp()
    {
        var message = Messages.Reminder()
            .With(nameof(OutboxMessage.ClaimToken), Guid.NewGuid())
            .With(nameof(OutboxMessage.ClaimedUntilUtc), Now.AddMinutes(5));

        message.MarkFailed("SocketException", Now);

        Assert.Null(message.ClaimToken);
        Assert.Null(message.ClaimedUntilUtc);
    }
}
