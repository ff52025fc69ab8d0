using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Appointments;

public sealed record DaySlots(DateOnly Date, IReadOnlyList<OfferedSlot> Slots);
