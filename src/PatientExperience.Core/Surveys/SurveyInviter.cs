using PatientExperience.Core.Appointments;

namespace PatientExperience.Core.Surveys;

/// <summary>
/// Adds an invitation when a visit is completed (inside the completing unit of work), timed after the delay
/// and out of the visit's site's quiet hours, unless the patient had one within the frequency cap. No-shows and cancellations
/// never complete, so they never get one. The sending job sends it.
/// </summary>
public sealed partial class SurveyInviter(IAppDbContext db, ClinicClock clock, IOptions<SurveyOptions> options, ILogger<SurveyInviter> logger) : IVisitCompletedHandler
{
    public async Task OnCompletedAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.UtcNow;
        var capFrom = now.AddDays(-settings.FrequencyCapDays);
        if (await db.SurveyInvitations.AnyAsync(i => i.PatientId == appointment.PatientId && (i.CompletedAtUtc > capFrom || i.AppointmentId == appointment.Id), cancellationToken))
        {
            LogCapped(appointment.Id);
            return;
        }
        var service = await db.ClinicServices.Where(s => s.Id == appointment.ServiceId)
            .Select(s => new { s.DepartmentId, s.Department!.Site!.TimeZone }).FirstAsync(cancellationToken);
        var departmentId = service.DepartmentId;
        var version = await PickVersionAsync(db, appointment.ServiceId, departmentId, cancellationToken);
        if (version is null)
            return;
        // Quiet hours are the visit's site's night (a Chicago visit's invitation waits for 08:00 in Chicago).
        var sendAfter = SurveyTiming.NextSendable(now.AddHours(settings.DelayHours), clock.For(service.TimeZone).Zone, settings.QuietHoursStart, settings.QuietHoursEnd);
        db.SurveyInvitations.Add(new SurveyInvitation(appointment.PatientId, appointment.Id, version.Value, departmentId, appointment.ClinicianId,
            appointment.ServiceId, appointment.StartUtc, now, sendAfter, now.AddDays(settings.ExpiryDays)));
        LogInvited(appointment.Id);
    }

    /// <summary>The latest version of the most specific active questionnaire: for the service, else the department, else everyone.</summary>
    public static async Task<int?> PickVersionAsync(IAppDbContext db, int serviceId, int departmentId, CancellationToken cancellationToken)
    {
        var candidates = await db.Questionnaires.AsNoTracking()
            .Where(q => q.IsActive && q.LatestVersion > 0 && (q.ServiceId == null || q.ServiceId == serviceId) && (q.DepartmentId == null || q.DepartmentId == departmentId))
            .Select(q => new { q.Id, q.ServiceId, q.DepartmentId, q.LatestVersion })
            .ToListAsync(cancellationToken);
        var best = candidates.OrderByDescending(q => q.ServiceId != null).ThenByDescending(q => q.DepartmentId != null).ThenBy(q => q.Id).FirstOrDefault();
        if (best is null)
            return null;
        return await db.QuestionnaireVersions.Where(v => v.QuestionnaireId == best.Id && v.Number == best.LatestVersion).Select(v => (int?)v.Id).FirstOrDefaultAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey invitation scheduled for appointment {AppointmentId}")]
    private partial void LogInvited(int appointmentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "No survey for appointment {AppointmentId}: the patient had one recently")]
    private partial void LogCapped(int appointmentId);
}
