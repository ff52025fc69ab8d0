using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Common;
using PatientExperience.Core.Email;
using PatientExperience.Infrastructure.Complaints;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.Email;
using PatientExperience.Infrastructure.Forms;
using PatientExperience.Infrastructure.Jobs;
using PatientExperience.Infrastructure.Seeding;

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
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.Configure<Sms.SmsOptions>(configuration.GetSection(Sms.SmsOptions.Section));
        services.Configure<DemoDataOptions>(configuration.GetSection(DemoDataOptions.Section));
        services.Configure<ClinicOptions>(configuration.GetSection(ClinicOptions.Section));
        services.Configure<Core.Appointments.BookingOptions>(configuration.GetSection(Core.Appointments.BookingOptions.Section));
        services.Configure<Core.Appointments.FlowOptions>(configuration.GetSection(Core.Appointments.FlowOptions.Section));
        services.AddSingleton<ClinicClock>();
        services.AddSingleton<TimeText>();
        services.AddSingleton<PhoneFormat>();
        services.AddSingleton<Calendar.AppointmentCalendar>();
        services.Configure<Core.Surveys.SurveyOptions>(configuration.GetSection(Core.Surveys.SurveyOptions.Section));

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
            options.AddInterceptors(sp.GetRequiredService<AuditableEntityInterceptor>(), sp.GetRequiredService<Dashboards.SurveyRollupInterceptor>(),
                sp.GetRequiredService<Dashboards.ComplaintRollupInterceptor>());
        });
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());

        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddScoped<OutboxProcessor>();
        services.AddScoped<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Delivery == EmailDelivery.Smtp
            ? ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp)
            : ActivatorUtilities.CreateInstance<PickupEmailSender>(sp));
        services.AddHttpClient<Sms.KannelSmsSender>();
        services.AddScoped<ISmsSender>(sp => sp.GetRequiredService<IOptions<Sms.SmsOptions>>().Value.Delivery == Sms.SmsDelivery.Kannel
            ? sp.GetRequiredService<Sms.KannelSmsSender>()
            : ActivatorUtilities.CreateInstance<Sms.PickupSmsSender>(sp));
        var email = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        services.AddPeriodicJob<OutboxProcessor>(email.DispatcherEnabled, email.DispatchIntervalSeconds);
        var bookingPolicy = configuration.GetSection(Core.Appointments.BookingOptions.Section).Get<Core.Appointments.BookingOptions>() ?? new Core.Appointments.BookingOptions();
        services.AddPeriodicJob<Core.Appointments.ReminderProcessor>(bookingPolicy.RemindersEnabled, bookingPolicy.ReminderSweepSeconds);
        services.AddPeriodicJob<Core.Appointments.WaitlistService>(bookingPolicy.RemindersEnabled, bookingPolicy.WaitlistSweepSeconds);
        var flow = configuration.GetSection(Core.Appointments.FlowOptions.Section).Get<Core.Appointments.FlowOptions>() ?? new Core.Appointments.FlowOptions();
        services.AddPeriodicJob<Core.Appointments.PhoneCheckIn>(flow.CheckInLinksEnabled, flow.CheckInLinkSweepSeconds);
        services.AddPeriodicJob<Core.Appointments.LateNotices>(flow.LateNoticesEnabled, flow.LateNoticeSweepSeconds);

        var surveys = configuration.GetSection(Core.Surveys.SurveyOptions.Section).Get<Core.Surveys.SurveyOptions>() ?? new Core.Surveys.SurveyOptions();
        services.AddPeriodicJob<Core.Surveys.SurveyDispatcher>(surveys.Enabled, surveys.SweepSeconds);
        services.AddComplaintInfrastructure(configuration);
        services.AddOneTimeFormKeys();

        Dashboards.DashboardInfrastructure.AddDashboardInfrastructure(services, configuration);
        services.AddScoped<DemoDataSeeder>();
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
