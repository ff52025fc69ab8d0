using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;

namespace PatientExperience.Core.Appointments;

/// <param name="TimeZone">The site's zone: the offered time is read there.</param>
public sealed record OfferView(WaitlistOffer Offer, string ServiceName, string ClinicianName, string DepartmentName, string PatientFirstName, string? TimeZone = null);
