using PatientExperience.Core.Email;

namespace PatientExperience.UnitTests.Email.OutboxMessageTests;

public class MarkSkipped
{
    private static readonly DateTime Now = Messages.Created.AddMinutes(10);

    [Fact]
    public void IsStaleFromItsDiscardTimeOn()
    {
        var message = Messages.Reminder().DiscardAfter(Now);

        Assert.False(message.IsStale(Now.AddSeconds(-1)));
        Assert.True(message.IsStale(Now));
        Assert.False(Messages.Reminder().IsStale(DateTime.MaxValue));
    }

    [Fact]
    public void RecordsTheReasonWithoutCountingAnAttemptOrAnError()
    {
        var message = Messages.Reminder();

        message.MarkSkipped(OutboxMessage.SkipReasons.Stale, Now);

        Assert.Equal(Now, message.SkippedAtUtc);
        Assert.Equal("Stale", message.SkipReason);
        Assert.Null(message.SentAtUtc);
        Assert.Null(message.FailedAtUtc);
        Assert.Null(message.LastError);
        Assert.Equal(0, message.Attempts);
    }
}
