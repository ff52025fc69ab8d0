using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Auditing;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Departments;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Core;

public static class DependencyInjection
{
    public static IServiceCollection AddApplicationServices(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<SaveDepartmentValidator>(ServiceLifetime.Singleton);
        services.AddScoped<AuditTrail>();
        services.AddAuditSearch();
        services.AddScoped<Staff.CurrentStaff>();
        services.AddScoped<CurrentPatient>();
        services.AddScoped<PatientDirectory>();
        services.AddScoped<PatientProfile>();
        services.AddScoped<DepartmentCatalog>();
        services.AddScoped<DepartmentQueries>();
        services.AddScoped<PatientQueries>();
        services.AddScoped<Staff.StaffQueries>();
        services.AddScoped<Interactions.InteractionQueries>();
        services.AddScoped<Appointments.AppointmentQueries>();
        services.AddScoped<Appointments.CallBacks>();
        services.AddScoped<Appointments.StaffChangeAudit>();
        services.AddScoped<Sites.SiteCatalog>();
        services.AddScoped<Localization.NameTranslationCatalog>();
        services.AddScoped<Appointments.Availability>();
        services.AddScoped<Appointments.BookingService>();
        services.AddSingleton<Appointments.RecentFreeTimes>();
        services.AddSingleton<Appointments.SlotSetupCache>();
        services.AddScoped<CallerRegistration>();
        services.AddScoped<Appointments.VisitFlow>();
        services.AddScoped<Appointments.ReminderProcessor>();
        services.AddScoped<Sms.TextReplyService>();
        services.AddScoped<Sms.TextLinks>();
        services.AddScoped<Appointments.PhoneCheckIn>();
        services.AddScoped<Appointments.LateNotices>();
        services.AddScoped<Appointments.WaitlistService>();
        services.AddScoped<Staff.WorkingHoursService>();
        services.AddScoped<Appointments.ISlotFreedHandler, Appointments.WaitlistSlotFreedHandler>();
        services.AddScoped<ApiClients.ApiClientRegistry>();
        services.AddSurveys();
        services.AddComplaints();
        Dashboards.DashboardsRegistration.AddDashboards(services);
        return services;
    }
}
