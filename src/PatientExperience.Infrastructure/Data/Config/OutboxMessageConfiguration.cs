using PatientExperience.Core.Email;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    /// <summary>Waiting to be sent: not sent, not given up, not skipped.</summary>
    private const string Pending = "\"SentAtUtc\" IS NULL AND \"FailedAtUtc\" IS NULL AND \"SkippedAtUtc\" IS NULL";

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.MessageId).HasMaxLength(100).IsRequired();
        builder.Property(m => m.To).HasMaxLength(SchemaLimits.EmailLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(SchemaLimits.ShortTextLength).IsRequired();
        builder.Property(m => m.TextBody).IsRequired();
        builder.Property(m => m.AttachmentFileName).HasMaxLength(SchemaLimits.ShortTextLength);
        builder.Property(m => m.AttachmentContentType).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorLength);
        builder.Property(m => m.DedupeKey).HasMaxLength(OutboxMessage.DedupeKeyLength);
        builder.Property(m => m.SkipReason).HasMaxLength(OutboxMessage.SkipReasonLength);
        builder.HasIndex(m => m.MessageId).IsUnique();
        // The dispatcher's query in its order: only waiting messages, highest priority first, then the oldest.
        builder.HasIndex(m => new { m.Priority, m.NextAttemptAtUtc, m.Id }, "IX_OutboxMessages_Pending").HasFilter(Pending);
        // At most one waiting message per kind and person: the database decides between two writers.
        builder.HasIndex(m => m.DedupeKey, "IX_OutboxMessages_DedupeKey_Pending").IsUnique().HasFilter("\"DedupeKey\" IS NOT NULL AND " + Pending);
        // "Did one of these go out lately?", asked before sending a message that has a key.
        builder.HasIndex(m => new { m.DedupeKey, m.SentAtUtc }, "IX_OutboxMessages_DedupeKey_Sent").HasFilter("\"DedupeKey\" IS NOT NULL");
    }
}
