using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Surveys;

namespace PatientExperience.BrowserTests.Infrastructure;

/// <summary>
/// The clinic's side of a survey, done in the portal's own services: a demo patient with an email, not surveyed yet,
/// has a visit completed through the flow; two hours pass and the survey job sends the email. Returns its link.
/// </summary>
public static class SurveyInvites
{
    /// <param name="serviceName">The visit's service; its department's first clinician sees the patient, unless
    /// <paramref name="clinicianEmail"/> names one (then the service is the first of their department's when null).</param>
    public static async Task<(string Link, int ClinicianId, int PatientId)> AfterAVisitAsync(
        BrowserPortal browser, string? serviceName, string language, CancellationToken ct, string? clinicianEmail = null)
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PatientExperience.Infrastructure.Data.AppDbContext>();
        var patient = await db.Patients.Where(p => p.ContactByEmail && p.Email != null && !db.SurveyInvitations.Any(i => i.PatientId == p.Id))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Email }).FirstAsync(ct);
        await db.Patients.Where(p => p.Id == patient.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PreferredLanguage, language), ct);
        int clinician;
        int serviceId;
        if (clinicianEmail is not null)
        {
            var staff = await db.StaffMembers.Where(s => s.Email == clinicianEmail).Select(s => new { s.Id, s.DepartmentId }).SingleAsync(ct);
            clinician = staff.Id;
            serviceId = await db.ClinicServices.Where(s => s.DepartmentId == staff.DepartmentId && (serviceName == null || s.Name == serviceName))
                .OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(ct);
        }
        else
        {
            var service = await db.ClinicServices.Where(s => s.Name == serviceName).Select(s => new { s.Id, s.DepartmentId }).SingleAsync(ct);
            serviceId = service.Id;
            clinician = await db.StaffMembers.Where(s => s.IsClinician && s.DepartmentId == service.DepartmentId).Select(s => s.Id).FirstAsync(ct);
        }

        var now = DateTime.UtcNow;
        var start = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc).AddHours(-1);
        var appointment = new Appointment(patient.Id, clinician, serviceId, new Slot(start, start.AddMinutes(15), start, start.AddMinutes(15), start), InteractionChannel.Phone, TimeSpan.FromHours(24));
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync(ct);
        var flow = sp.GetRequiredService<VisitFlow>();
        foreach (var step in new[] { FlowStep.Arrived, FlowStep.InRoom, FlowStep.Completed })
            Assert.True((await flow.AdvanceAsync(appointment.Id, step, null, null, ct)).IsSuccess);

        // Two hours later, at a time of day outside quiet hours.
        await db.SurveyInvitations.Where(i => i.AppointmentId == appointment.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.SendAfterUtc, now.AddMinutes(-1)), ct);
        var anyTime = Options.Create(new SurveyOptions { QuietHoursStart = TimeOnly.MinValue, QuietHoursEnd = TimeOnly.MinValue });
        await ActivatorUtilities.CreateInstance<SurveyDispatcher>(sp, anyTime).RunOnceAsync(ct);

        var email = await db.OutboxMessages.AsNoTracking().Where(m => m.To == patient.Email).OrderByDescending(m => m.Id).FirstAsync(ct);
        var url = Regex.Match(email.TextBody, @"https?://\S+").Value;
        return (new Uri(url).PathAndQuery, clinician, patient.Id);
    }
}
