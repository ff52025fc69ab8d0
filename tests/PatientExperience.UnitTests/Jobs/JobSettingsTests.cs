using Microsoft.Extensions.Configuration;
using PatientExperience.Infrastructure.Jobs;

namespace PatientExperience.UnitTests.Jobs;

public class JobSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void AJobWithNothingConfiguredRunsAtItsDefaultInterval()
    {
        var options = JobSettings.Read(Config(), "Waitlist", 30, oldSecondsKey: "Booking:WaitlistSweepSeconds");
        Assert.Equal((true, 30.0), (options.Enabled, options.IntervalSeconds));
    }

    [Fact]
    public void TheOldKeysStillSwitchAJobAndSetItsInterval()
    {
        var options = JobSettings.Read(Config(("Booking:RemindersEnabled", "false"), ("Booking:ReminderSweepSeconds", "7")),
            "Reminders", 60, "Booking:RemindersEnabled", "Booking:ReminderSweepSeconds");
        Assert.Equal((false, 7.0), (options.Enabled, options.IntervalSeconds));
    }

    [Fact]
    public void TheJobsSectionWinsOverTheOldKeys()
    {
        var options = JobSettings.Read(Config(("Booking:RemindersEnabled", "false"), ("Booking:ReminderSweepSeconds", "7"),
                ("Jobs:Reminders:Enabled", "true"), ("Jobs:Reminders:IntervalSeconds", "2")),
            "Reminders", 60, "Booking:RemindersEnabled", "Booking:ReminderSweepSeconds");
        Assert.Equal((true, 2.0), (options.Enabled, options.IntervalSeconds));
    }

    [Fact]
    public void SwitchingRemindersOffLeavesTheWaitlistSweepOn()
    {
        var config = Config(("Booking:RemindersEnabled", "false"));
        Assert.False(JobSettings.Read(config, "Reminders", 60, "Booking:RemindersEnabled").Enabled);
        Assert.True(JobSettings.Read(config, "Waitlist", 30, oldSecondsKey: "Booking:WaitlistSweepSeconds").Enabled);
    }
}
