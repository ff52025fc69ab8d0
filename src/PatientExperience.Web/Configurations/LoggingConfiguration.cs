using Serilog;
using Serilog.Events;

namespace PatientExperience.Web.Configurations;

public static class LoggingConfiguration
{
    /// <summary>
    /// Serilog from the "Serilog" section, plus a daily rolling file under App_Data/logs.
    /// Log ids and event names only: never names, emails, phones, birth dates or free text.
    /// </summary>
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        var fileLogging = builder.Configuration.GetValue("Logging:File:Enabled", true);
        var logPath = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration.GetValue("Logging:File:Path", "App_Data/logs/patientexperience-.log")!);
        // preserveStaticLogger: each host (and each test server) keeps its own pipeline.
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.With<OneTimeLinkRedactor>();
            if (fileLogging)
                logger.WriteTo.File(logPath, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, restrictedToMinimumLevel: LogEventLevel.Information);
        });
        return builder;
    }

    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        // RequestPath only: query strings can carry search terms and tokens.
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // One-time links carry their token in the path (/survey/{token}, /waitlist/offers/{token}): never log it.
            options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(OneTimeLinkRedactor.Redact(path))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });
        return app;
    }
}

