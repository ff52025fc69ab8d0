using PatientExperience.Core.Departments;
using PatientExperience.Core.Staff;

namespace PatientExperience.Core.Appointments;

/// <summary>
/// One row whose <see cref="Version"/> changes in the same transaction as any change to the set-up slot searches read:
/// services, departments, sites and their opening hours, staff, working hours and days off (<see cref="IsSlotSetup"/>). Each instance keeps
/// that set-up in memory with the version it read (<see cref="SlotSetupCache"/>) and reads the version again with every
/// search's busy rows, in the same round trip (<see cref="IBusyTimeReader"/>). A different version means some instance
/// changed the set-up: the search loads it again before it answers.
/// </summary>
public sealed class ReferenceDataStamp
{
    public const int RowId = 1;

    private ReferenceDataStamp()
    {
    }

    public ReferenceDataStamp(int id, long version)
    {
        Id = id;
        Version = version;
    }

    public int Id { get; private set; }

    /// <summary>A new random number on each change: only "same or different" matters, so no instance needs to read it first.</summary>
    public long Version { get; private set; }

    /// <summary>Whether rows of this type are set-up a slot search reads (and caches).</summary>
    public static bool IsSlotSetup(Type type) =>
        type == typeof(ClinicService) || type == typeof(Department) || type == typeof(Sites.Site)
        || type == typeof(StaffMember) || type == typeof(WorkingHours) || type == typeof(TimeOff) || type == typeof(Sites.SiteOpeningHours);

    /// <summary>
    /// Gives the row a new version, written by this context's next SaveChanges and so in its transaction. The save
    /// interceptor calls it for tracked changes; a bulk delete of set-up (ExecuteDelete) must call it and save too.
    /// </summary>
    public static void Touch(DbSet<ReferenceDataStamp> stamps)
    {
        ArgumentNullException.ThrowIfNull(stamps);
        var row = stamps.Local.FirstOrDefault(s => s.Id == RowId);
        if (row is null)
        {
            row = new ReferenceDataStamp(RowId, 0);
            stamps.Attach(row);
        }
        long next;
        do
            next = Random.Shared.NextInt64(long.MinValue, long.MaxValue);
        while (next == row.Version);
        row.Version = next;
        stamps.Entry(row).Property(s => s.Version).IsModified = true;
    }
}
