using PatientExperience.Core.ApiClients;

namespace PatientExperience.Infrastructure.Data.Config;

public sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.ToTable("ApiClients");
        builder.Property(c => c.ClientId).HasMaxLength(ApiClient.ClientIdLength).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(SchemaLimits.NameLength).IsRequired();
        builder.Property(c => c.Scopes).HasMaxLength(ApiClient.ScopesLength).IsRequired();
        builder.Property(c => c.SecretHash).HasMaxLength(ApiClient.SecretHashLength).IsRequired();
        builder.ConfigureAudit();
        builder.Ignore(c => c.ScopeList);
        builder.HasIndex(c => c.ClientId).IsUnique();
    }
}
