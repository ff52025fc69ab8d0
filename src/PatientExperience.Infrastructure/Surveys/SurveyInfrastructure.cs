using Microsoft.Extensions.Configuration;
using PatientExperience.Core.Surveys;
using PatientExperience.Infrastructure.Jobs;

namespace PatientExperience.Infrastructure.Surveys;

public static class SurveyInfrastructure
{
    /// <summary>The survey settings ("Surveys") and the job that sends invitations and closes expired ones.</summary>
    public static IServiceCollection AddSurveyInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SurveyOptions>(configuration.GetSection(SurveyOptions.Section));
        services.AddPeriodicJob<SurveyDispatcher>("SurveyDispatch", 60, "Surveys:Enabled", "Surveys:SweepSeconds");
        return services;
    }
}
