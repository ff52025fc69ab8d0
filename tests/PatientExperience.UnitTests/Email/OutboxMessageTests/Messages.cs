using PatientExperience.Core.Email;

namespace PatientExperience.UnitTests.Email.OutboxMessageTests;

internal static class Messages
{
    public static readonly DateTime Created = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    public static OutboxMessage Reminder(DateTime? notBeforeUtc = null) =>
        new(EmailPriority.Reminder, "ana.lopez@example.com", "Your appointment tomorrow", "See you at 9:00.", null, Created, notBeforeUtc);
}
