using Microsoft.Extensions.Configuration;
using PatientExperience.Core.Appointments;
using PatientExperience.Infrastructure.Jobs;

namespace PatientExperience.Infrastructure.Appointments;

public static class AppointmentInfrastructure
{
    /// <summary>
    /// The booking policy ("Booking"), the day's flow ("Flow") and the appointment jobs, each on its own switch: switching
    /// reminders off no longer stops the waitlist's sweep. The old keys in brackets still work when Jobs does not say.
    /// </summary>
    public static IServiceCollection AddAppointmentInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BookingOptions>(configuration.GetSection(BookingOptions.Section));
        services.Configure<FlowOptions>(configuration.GetSection(FlowOptions.Section));
        services.AddScoped<IBusyTimeReader, BusyTimeReader>();
        services.AddPeriodicJob<ReminderProcessor>("Reminders", 60, "Booking:RemindersEnabled", "Booking:ReminderSweepSeconds");
        services.AddPeriodicJob<WaitlistService>("Waitlist", 30, oldSecondsKey: "Booking:WaitlistSweepSeconds");
        services.AddPeriodicJob<PhoneCheckIn>("CheckInLinks", 60, "Flow:CheckInLinksEnabled", "Flow:CheckInLinkSweepSeconds");
        services.AddPeriodicJob<LateNotices>("LateNotices", 60, "Flow:LateNoticesEnabled", "Flow:LateNoticeSweepSeconds");
        return services;
    }
}
