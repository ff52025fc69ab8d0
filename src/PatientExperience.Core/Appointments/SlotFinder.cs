namespace PatientExperience.Core.Appointments;

// Placeholder with the agreed API; the full engine replaces this file.
public sealed record WorkingInterval(DayOfWeek Day, TimeOnly Start, TimeOnly End);
public sealed record DaysOff(DateOnly From, DateOnly To);
public sealed record BusyInterval(DateTime StartUtc, DateTime EndUtc);
public sealed record SlotRules(int DurationMinutes, int BufferBeforeMinutes, int BufferAfterMinutes, TimeSpan MinimumNotice, int HorizonDays, int StepMinutes);
public sealed record Slot(DateTime StartUtc, DateTime EndUtc, DateTime BlockStartUtc, DateTime BlockEndUtc, DateTime LocalStart);

public static class SlotFinder
{
    public static IReadOnlyList<Slot> FreeSlots(
        TimeZoneInfo zone, DateTime nowUtc, DateOnly fromDate, DateOnly toDate, SlotRules rules,
        IReadOnlyList<WorkingInterval> hours, IReadOnlyList<DaysOff> daysOff, IReadOnlyList<BusyInterval> busy)
    {
        var result = new List<Slot>();
        for (var d = fromDate; d <= toDate; d = d.AddDays(1))
        {
            if (daysOff.Any(o => o.From <= d && d <= o.To))
                continue;
            foreach (var h in hours.Where(h => h.Day == d.DayOfWeek))
            {
                for (var t = h.Start.AddMinutes(rules.BufferBeforeMinutes); t.AddMinutes(rules.DurationMinutes + rules.BufferAfterMinutes) <= h.End && t >= h.Start; t = t.AddMinutes(rules.StepMinutes))
                {
                    var local = d.ToDateTime(t);
                    if (ToUtc(zone, local) is not { } start || start < nowUtc + rules.MinimumNotice)
                        continue;
                    var slot = new Slot(start, start.AddMinutes(rules.DurationMinutes), start.AddMinutes(-rules.BufferBeforeMinutes), start.AddMinutes(rules.DurationMinutes + rules.BufferAfterMinutes), local);
                    if (!busy.Any(b => b.StartUtc < slot.BlockEndUtc && slot.BlockStartUtc < b.EndUtc))
                        result.Add(slot);
                }
            }
        }
        return [.. result.OrderBy(s => s.StartUtc)];
    }

    public static DateTime? ToUtc(TimeZoneInfo zone, DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
            return null;
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
