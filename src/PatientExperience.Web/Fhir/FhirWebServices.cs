using Microsoft.AspNetCore.RateLimiting;

namespace PatientExperience.Web.Fhir;

/// <summary>Registers the FHIR adapter, its tokens and its rate limits (the same partitions and store as the pages).</summary>
public static class FhirWebServices
{
    public const string TokenPolicy = "fhir-token";
    public const string ApiPolicy = "fhir";

    public static IServiceCollection AddFhir(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FhirOptions>(configuration.GetSection(FhirOptions.Section));
        services.AddSingleton<FhirTokens>();
        services.AddScoped<FhirDirectory>();
        services.AddScoped<FhirSurveys>();
        services.AddScoped<FhirExports>();
        var fhir = new FhirOptions();
        configuration.GetSection(FhirOptions.Section).Bind(fhir);
        var limits = RateLimitOptions.Read(configuration);
        var minute = TimeSpan.FromMinutes(1);
        services.Configure<RateLimiterOptions>(options =>
        {
            options.AddPolicy(TokenPolicy, context => RateLimitPartitions.Window(context, limits, TokenPolicy, fhir.TokenPerMinute, minute));
            options.AddPolicy(ApiPolicy, context => RateLimitPartitions.Window(context, limits, ApiPolicy, fhir.ApiPerMinute, minute));
            // A system reads JSON: under /fhir a refusal is an OperationOutcome, elsewhere the friendly 429 page as before.
            var pages = options.OnRejected;
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (context.HttpContext.Request.Path.StartsWithSegments("/fhir"))
                {
                    var outcome = FhirJson.Outcome(StatusCodes.Status429TooManyRequests, Hl7.Fhir.Model.OperationOutcome.IssueType.Throttled,
                        "Too many requests from this address. Wait a minute and try again.");
                    await outcome.WriteAsync(context.HttpContext, cancellationToken);
                }
                else if (pages is not null)
                {
                    await pages(context, cancellationToken);
                }
            };
        });
        return services;
    }
}
