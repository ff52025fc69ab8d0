using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Common;
using PatientExperience.Core.Dashboards;
using PatientExperience.Core.Surveys;
using PatientExperience.DataGenerator;

namespace PatientExperience.IntegrationTests.Dashboards;

/// <summary>
/// The portal at Monday 23 November 2026, 08:00 in New York, with the data generator's appointments, survey answers
/// and complaints (its own steps, at a small size) on top of the demo data, and every rollup rebuilt.
/// </summary>
public sealed class SatisfactionFactory : GeneratedDataFactory
{
    public const int Appointments = 5000;
    public const int Answers = 8000;
    public const int Complaints = 1500;
    public const int Days = 800;

    protected override int Seed => 11;

    protected override async Task GenerateAsync(GeneratorContext context, IServiceProvider services, CancellationToken cancellationToken)
    {
        await new AppointmentLoad().RunAsync(context, Appointments, Days, cancellationToken);
        await new SurveyLoad().RunAsync(context, Answers, Days, cancellationToken);
        await new ComplaintLoad().RunAsync(context, Complaints, Days, cancellationToken);
        await services.GetRequiredService<AppointmentRollups>().RebuildAllAsync(cancellationToken);
        await services.GetRequiredService<SurveyRollups>().RebuildAllAsync(cancellationToken);
    }

    /// <summary>One invitation straight from the tables: its visit's clinic day, who and what, wait, and its answers if any.</summary>
    public sealed record Invited(DateOnly Day, int ClinicianId, int ServiceId, int DepartmentId, int? WaitMinutes, bool Responded, IReadOnlyDictionary<string, int> Answers);

    public async Task<List<Invited>> InvitationsAsync(CancellationToken cancellationToken) => await WithDbAsync(async db =>
    {
        var zone = Services.GetRequiredService<ClinicClock>().Zone;
        var invitations = await db.SurveyInvitations.AsNoTracking()
            .Join(db.Appointments, i => i.AppointmentId, a => a.Id, (i, a) => new { i.Id, i.VisitStartUtc, i.ClinicianId, i.ServiceId, i.DepartmentId, a.StartUtc, a.ArrivedAtUtc, a.SeenAtUtc })
            .ToListAsync(cancellationToken);
        var responses = await db.SurveyResponses.AsNoTracking().Select(r => new { r.Id, r.InvitationId }).ToDictionaryAsync(r => r.InvitationId, r => r.Id, cancellationToken);
        var answers = (await db.SurveyAnswers.AsNoTracking().Where(a => a.Value != null).Select(a => new { a.ResponseId, a.QuestionKey, a.Value }).ToListAsync(cancellationToken))
            .GroupBy(a => a.ResponseId).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.ToDictionary(a => a.QuestionKey, a => a.Value!.Value));
        return invitations.Select(i => new Invited(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(i.VisitStartUtc, zone)), i.ClinicianId, i.ServiceId, i.DepartmentId,
            WaitTimes.Minutes(i.StartUtc, i.ArrivedAtUtc, i.SeenAtUtc), responses.ContainsKey(i.Id),
            responses.TryGetValue(i.Id, out var r) && answers.TryGetValue(r, out var a) ? a : new Dictionary<string, int>())).ToList();
    });
}
