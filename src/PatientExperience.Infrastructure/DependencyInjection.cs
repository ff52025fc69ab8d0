using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using PatientExperience.Core.Email;
using PatientExperience.Infrastructure.Appointments;
using PatientExperience.Infrastructure.Complaints;
using PatientExperience.Infrastructure.Dashboards;
using PatientExperience.Infrastructure.Email;
using PatientExperience.Infrastructure.Forms;
using PatientExperience.Infrastructure.Seeding;
using PatientExperience.Infrastructure.Surveys;

namespace PatientExperience.Infrastructure;

public static class DependencyInjection
{
    public const string SqliteMigrationsAssembly = "PatientExperience.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "PatientExperience.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "PatientExperience.Migrations.PostgreSql";

    /// <summary>Writers queue for the SQLite file without holding a thread (see <see cref="SqliteWriteGate"/>).</summary>
    private static readonly SqliteWriteGate SqliteWriteGateInstance = new();

    public static IServiceCollection AddInfrastructureServices(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<Sms.SmsOptions>(configuration.GetSection(Sms.SmsOptions.Section));
        services.Configure<DemoDataOptions>(configuration.GetSection(DemoDataOptions.Section));
        services.Configure<ClinicOptions>(configuration.GetSection(ClinicOptions.Section));
        services.AddSingleton<ClinicClock>();
        services.AddSingleton<TimeText>();
        services.AddSingleton<PhoneFormat>();
        services.AddSingleton<Calendar.AppointmentCalendar>();

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        services.AddSingleton(DatabaseDialect.For(database.Provider));
        services.AddScoped<AuditableEntityInterceptor>();
        services.AddDbContext<AppDbContext>((sp, options) =>
        {
            if (database.Provider == DatabaseProvider.SqlServer)
            {
                if (string.IsNullOrWhiteSpace(connectionString))
                    options.UseSqlServer(sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly));
                else
                    options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly));
            }
            else if (database.Provider == DatabaseProvider.PostgreSql)
            {
                if (string.IsNullOrWhiteSpace(connectionString))
                    options.UseNpgsql(pg => pg.MigrationsAssembly(PostgreSqlMigrationsAssembly));
                else
                    options.UseNpgsql(connectionString, pg => pg.MigrationsAssembly(PostgreSqlMigrationsAssembly));
            }
            else
            {
                options.UseSqlite(SqliteConnectionString(connectionString, environment.ContentRootPath),
                    sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                options.AddInterceptors(SqliteWriteGateInstance);
            }
            options.AddInterceptors(sp.GetRequiredService<AuditableEntityInterceptor>(), sp.GetRequiredService<Dashboards.RollupRefreshInterceptor>(),
                ReferenceDataStampInterceptor.Instance);
            // A refused write is how the database decides a race (a taken time cell, a one-time form key sent twice, a
            // unique name): the code that catches the exception says whether it is an error, and one nobody catches is
            // logged by the error handler. EF's own error lines for it, a stack trace each, only said "error" for a polite refusal.
            options.ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
        });
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());

        services.AddEmailInfrastructure(configuration);
        services.AddHttpClient<Sms.KannelSmsSender>();
        services.AddScoped<ISmsSender>(sp => sp.GetRequiredService<IOptions<Sms.SmsOptions>>().Value.Delivery == Sms.SmsDelivery.Kannel
            ? sp.GetRequiredService<Sms.KannelSmsSender>()
            : ActivatorUtilities.CreateInstance<Sms.PickupSmsSender>(sp));
        services.AddAppointmentInfrastructure(configuration);
        services.AddSurveyInfrastructure(configuration);
        services.AddComplaintInfrastructure(configuration);
        services.AddOneTimeFormKeys();
        services.AddDashboardInfrastructure();
        services.AddScoped<Identity.PatientAccountService>();
        services.AddScoped<Identity.StaffAccountService>();
        return services;
    }

    /// <summary>The SQLite file defaults to App_Data/ under the content root; relative paths resolve there too.</summary>
    public static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? $"Data Source={DatabaseOptions.DefaultSqliteFile}" : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        var directory = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}
