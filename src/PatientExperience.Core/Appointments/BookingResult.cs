using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;

namespace PatientExperience.Core.Appointments;

public sealed record BookingResult(BookingStatus Status, int? AppointmentId = null, string? Message = null)
{
    public bool IsSuccess => Status == BookingStatus.Booked;
}
