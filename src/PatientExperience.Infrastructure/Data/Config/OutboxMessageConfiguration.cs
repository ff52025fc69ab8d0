using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientExperience.Core.Common;
using PatientExperience.Core.Email;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.MessageId).HasMaxLength(100).IsRequired();
        builder.Property(m => m.To).HasMaxLength(SchemaLimits.EmailLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(SchemaLimits.ShortTextLength).IsRequired();
        builder.Property(m => m.TextBody).IsRequired();
        builder.Property(m => m.AttachmentFileName).HasMaxLength(SchemaLimits.ShortTextLength);
        builder.Property(m => m.AttachmentContentType).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorLength);
        builder.HasIndex(m => m.MessageId).IsUnique();
        // The dispatcher's query: unsent, not given up, due.
        builder.HasIndex(m => new { m.SentAtUtc, m.FailedAtUtc, m.NextAttemptAtUtc });
    }
}
