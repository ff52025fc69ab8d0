using PatientExperience.DataGenerator;

namespace PatientExperience.IntegrationTests.Dashboards;

/// <summary>The data generator's visits and survey answers over the last year and a bit: enough comments for two pages.</summary>
public sealed class SurveyLoadFactory : GeneratedDataFactory
{
    protected override int Seed => 23;

    protected override async Task GenerateAsync(GeneratorContext context, IServiceProvider services, CancellationToken cancellationToken)
    {
        await new AppointmentLoad().RunAsync(context, 3000, 400, cancellationToken);
        await new SurveyLoad().RunAsync(context, 8000, 400, cancellationToken);
    }
}
