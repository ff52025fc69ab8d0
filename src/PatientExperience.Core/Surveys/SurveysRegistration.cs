using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;

namespace PatientExperience.Core.Surveys;

public static class SurveysRegistration
{
    /// <summary>
    /// Survey services. <see cref="ServiceRecovery.IServiceRecoveryCases"/> is resolved as a list: the complaints
    /// feature registers the implementation, and without one the app still starts (responses still record their triggers).
    /// </summary>
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddScoped<IVisitCompletedHandler, SurveyInviter>();
        services.AddScoped<SurveyDispatcher>();
        services.AddScoped<SurveyService>();
        services.AddScoped<SurveyResponses>();
        services.AddScoped<QuestionnaireCatalog>();
        services.AddScoped<LexiconService>();
        services.AddScoped<PraiseService>();
        return services;
    }
}
