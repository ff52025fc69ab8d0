using Microsoft.Extensions.Hosting;
using PatientExperience.Infrastructure.Seeding;

namespace PatientExperience.Infrastructure.Data;

public static partial class DatabaseInitializer
{
    /// <summary>Migrates (unless turned off), makes sure the roles exist, and outside Production seeds the demo clinic.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var environment = sp.GetRequiredService<IHostEnvironment>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        var dialect = sp.GetRequiredService<DatabaseDialect>();
        // Several instances may start at once on one database: the first migrates and seeds, the others wait here and
        // then find it all done (the seeders skip what exists).
        LogWaitingForLock(logger);
        await using (await dialect.StartupLockAsync(db, cancellationToken))
        {
            // Migrate only when something is pending: on an up-to-date database, MigrateAsync still builds the model
            // snapshot and compares it with the model (about 2 s of a warm start); reading the history table is enough.
            if (options.MigrateOnStartup && (!await db.Database.CanConnectAsync(cancellationToken)
                || (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()))
            {
                await db.Database.MigrateAsync(cancellationToken);
                LogMigrated(logger, options.Provider.ToString());
            }
            else if (options.MigrateOnStartup)
            {
                LogUpToDate(logger, options.Provider.ToString());
            }
            await dialect.PrepareAsync(db, cancellationToken);

            // Also when production migrates with the idempotent script: the roles are reference data.
            await RoleSeeder.SeedAsync(db, cancellationToken);
            await FirstSite.EnsureAsync(db, sp.GetRequiredService<IOptions<Core.Common.ClinicOptions>>().Value, sp.GetRequiredService<Core.Common.PhoneFormat>(), logger, cancellationToken);
            await PhoneNumberNormalizer.RunAsync(db, sp.GetRequiredService<Core.Common.PhoneFormat>(), logger, cancellationToken);
            await Core.Surveys.SurveyReferenceData.EnsureAsync(db, sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, cancellationToken);

            var demo = sp.GetRequiredService<IOptions<DemoDataOptions>>().Value;
            if (demo.Enabled && !environment.IsProduction() && sp.GetService<IDemoDataSeeder>() is { } seeder && await seeder.SeedAsync(cancellationToken))
            {
                // A fresh demo clinic: nobody else is writing yet, so its figures are built now, in one go, and the
                // dashboard is ready when the portal first answers (instead of "being rebuilt" for a minute).
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                foreach (var table in sp.GetServices<Core.Dashboards.IRollupTable>())
                {
                    var tableStarted = System.Diagnostics.Stopwatch.GetTimestamp();
                    var cells = await table.RebuildAllAsync(TimeSpan.Zero, cancellationToken);
                    LogDemoRollupTable(logger, table.GetType().Name, cells, System.Diagnostics.Stopwatch.GetElapsedTime(tableStarted).TotalSeconds);
                }
                LogDemoRollups(logger, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }
        // Missing rollups are only noted here; RollupBackfillService builds them once the portal serves.
        await sp.GetRequiredService<Core.Dashboards.RollupBackfill>().PlanAsync(sp, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Taking the start-up lock (another instance may be migrating or seeding)")]
    private static partial void LogWaitingForLock(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard figures for the new demo clinic built in {Seconds:F1} s")]
    private static partial void LogDemoRollups(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Table} for the new demo clinic: {Cells} cells in {Seconds:F1} s")]
    private static partial void LogDemoRollupTable(ILogger logger, string table, int cells, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date ({Provider})")]
    private static partial void LogUpToDate(ILogger logger, string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated ({Provider})")]
    private static partial void LogMigrated(ILogger logger, string provider);
}
