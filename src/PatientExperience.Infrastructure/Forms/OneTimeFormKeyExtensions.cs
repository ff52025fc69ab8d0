using PatientExperience.Infrastructure.Jobs;

namespace PatientExperience.Infrastructure.Forms;

public static class OneTimeFormKeyExtensions
{
    /// <summary>The key store and the job that deletes old keys.</summary>
    public static IServiceCollection AddOneTimeFormKeys(this IServiceCollection services)
    {
        services.AddSingleton<OneTimeFormKeys>();
        // Every hour by default, in each instance (a delete of old rows is the same whoever runs it).
        return services.AddPeriodicJob<FormSubmissionSweeper>("FormKeySweep", 3600);
    }
}
