using Microsoft.Extensions.DependencyInjection;

namespace PatientExperience.Core.Appointments;

/// <summary>Offers every freed time to the waitlist. Resolved lazily: the waitlist itself books through BookingService.</summary>
public sealed class WaitlistSlotFreedHandler(IServiceProvider services) : ISlotFreedHandler
{
    public Task OnSlotFreedAsync(int serviceId, int clinicianId, DateTime startUtc, CancellationToken cancellationToken) =>
        services.GetRequiredService<WaitlistService>().OfferAsync(serviceId, clinicianId, startUtc, cancellationToken);
}
