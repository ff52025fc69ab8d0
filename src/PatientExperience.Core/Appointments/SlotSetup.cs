namespace PatientExperience.Core.Appointments;

/// <summary>The set-up slot searches read, as it was at <see cref="Version"/>.</summary>
public sealed class SlotSetup(long version, IReadOnlyDictionary<int, SetupService> services,
    IReadOnlyDictionary<int, IReadOnlyList<ClinicianChoice>> clinicians, ILookup<int, WorkingInterval> hours, IReadOnlyList<SetupDaysOff> daysOff)
{
    public long Version => version;
    public IReadOnlyDictionary<int, SetupService> Services => services;

    /// <summary>Active clinicians per department, in name order.</summary>
    public IReadOnlyList<ClinicianChoice> Clinicians(int departmentId) => clinicians.GetValueOrDefault(departmentId, []);

    public ILookup<int, WorkingInterval> Hours => hours;

    /// <summary>Every day off entered (a clinic has a few a year per person, so all of them are kept).</summary>
    public IReadOnlyList<SetupDaysOff> DaysOff => daysOff;
}
