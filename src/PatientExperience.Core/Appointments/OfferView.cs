namespace PatientExperience.Core.Appointments;

/// <param name="TimeZone">The site's zone: the offered time is read there.</param>
public sealed record OfferView(WaitlistOffer Offer, string ServiceName, string ClinicianName, string DepartmentName, string PatientFirstName, string? TimeZone = null);
