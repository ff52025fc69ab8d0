namespace PatientExperience.Infrastructure.Data;

/// <summary>Section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "PatientExperience";
    public const string DefaultSqliteFile = "App_Data/patientexperience.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public bool MigrateOnStartup { get; set; } = true;
}
