namespace PatientExperience.Core.Appointments;

/// <summary>The set-up slot searches read, as it was at <see cref="Version"/>.</summary>
public sealed class SlotSetup(long version, IReadOnlyDictionary<int, SetupService> services,
    IReadOnlyDictionary<int, IReadOnlyList<ClinicianChoice>> clinicians, ILookup<ClinicianPlace, WorkingInterval> hours, IReadOnlyList<SetupDaysOff> daysOff)
{
    public long Version => version;
    public IReadOnlyDictionary<int, SetupService> Services => services;

    /// <summary>Active clinicians of a department, in name order: its own and those visiting (with hours worked there).</summary>
    public IReadOnlyList<ClinicianChoice> Clinicians(int departmentId) => clinicians.GetValueOrDefault(departmentId, []);

    /// <summary>The clinician's weekly hours worked in the department (their own hours for their own department), in its site's wall-clock time.</summary>
    public IEnumerable<WorkingInterval> Hours(int clinicianId, int departmentId) => hours[new ClinicianPlace(clinicianId, departmentId)];

    /// <summary>Every day off entered (a clinic has a few a year per person, so all of them are kept).</summary>
    public IReadOnlyList<SetupDaysOff> DaysOff => daysOff;
}
