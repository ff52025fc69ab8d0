namespace PatientExperience.Core.Appointments;

/// <summary>
/// Finds free slots from working hours, days off and busy time. Pure and allocation-light, so pages can call it
/// per request and the booking service can re-check a chosen slot with the same rules.
/// </summary>
/// <remarks>
/// Candidates sit on the clinic's wall clock (a 09:00 slot is 09:00 local whatever the offset), but durations
/// and buffers are real minutes: a 60-minute visit always spans 60 minutes of UTC, and the block must fit
/// between the real instants the interval starts and ends. On ordinary days this is the same as a wall-clock
/// check; on the two transition nights it keeps a visit from overrunning the clinician's shortened night or
/// being recorded shorter than it is (which would let the next booking overlap it).
/// </remarks>
public static class SlotFinder
{
    // Longest clock gap we search past when an interval bound falls inside one (Samoa skipped a whole day in 2011).
    private const int MaxGapMinutes = 48 * 60;

    /// <summary>
    /// Free slots for ONE clinician whose local dates fall in [fromDate, toDate] (inclusive, clinic-local), ordered by StartUtc.
    /// </summary>
    /// <remarks>
    /// Dates are clipped to today-in-zone .. today + HorizonDays. Busy intervals are half-open, so a block that
    /// only touches one is free. Busy times with an unspecified Kind (as EF returns them) are read as UTC.
    /// </remarks>
    public static IReadOnlyList<Slot> FreeSlots(
        TimeZoneInfo zone, DateTime nowUtc, DateOnly fromDate, DateOnly toDate, SlotRules rules,
        IReadOnlyList<WorkingInterval> hours, IReadOnlyList<DaysOff> daysOff, IReadOnlyList<BusyInterval> busy)
    {
        ValidateArguments(zone, nowUtc, rules, hours, daysOff, busy);
        var now = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        var (first, last) = SearchedDays(zone, now, fromDate, toDate, rules.HorizonDays);
        if (last < first)
            return [];

        var byDay = GroupByDay(hours);
        var busyCursor = new BusyCursor(busy);
        var earliestStart = now.Add(rules.MinimumNotice);
        var duration = TimeSpan.FromMinutes(rules.DurationMinutes);
        var before = TimeSpan.FromMinutes(rules.BufferBeforeMinutes);
        var after = TimeSpan.FromMinutes(rules.BufferAfterMinutes);
        var step = TimeSpan.FromMinutes(rules.StepMinutes);

        var slots = new List<Slot>();

        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var intervals = byDay[(int)date.DayOfWeek];
            if (intervals is null || IsDayOff(date, daysOff))
                continue;

            var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            foreach (var interval in intervals)
            {
                var openLocal = midnight + interval.Start.ToTimeSpan();
                var closeLocal = midnight + interval.End.ToTimeSpan();
                var openUtc = FirstInstantAtOrAfter(zone, openLocal);
                var closeUtc = FirstInstantAtOrAfter(zone, closeLocal);

                for (var local = openLocal + before; local < closeLocal; local += step)
                {
                    // A time the clock skips is never offered; an ambiguous one is offered once (its earlier instant).
                    if (ToUtc(zone, local) is not { } start)
                        continue;
                    var blockStart = start - before;
                    var end = start + duration;
                    var blockEnd = end + after;
                    if (blockStart < openUtc || start < earliestStart)
                        continue;
                    if (blockEnd > closeUtc)
                        break;

                    if (busyCursor.Overlaps(blockStart, blockEnd))
                        continue;

                    slots.Add(new Slot(start, end, blockStart, blockEnd, local));
                }
            }
        }

        EnsureOrdered(slots);
        return slots;
    }

    /// <summary>
    /// Converts a clinic-local wall-clock time to UTC; returns null for a time that does not exist (spring-forward gap);
    /// for an ambiguous time (fall-back) returns the earlier instant.
    /// </summary>
    /// <remarks>
    /// The earlier instant is the one a patient who reads "01:30" on the day the clocks go back will meet first;
    /// returning null for a skipped time makes the caller decide rather than silently shifting an hour.
    /// </remarks>
    public static DateTime? ToUtc(TimeZoneInfo zone, DateTime local)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (local.Kind == DateTimeKind.Utc)
            throw new ArgumentException("Expected a clinic wall-clock time, got a UTC instant.", nameof(local));

        var wallClock = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wallClock))
            return null;

        TimeSpan offset;
        if (zone.IsAmbiguousTime(wallClock))
        {
            // The larger offset belongs to the earlier instant (before the clocks went back).
            offset = TimeSpan.MinValue;
            foreach (var candidate in zone.GetAmbiguousTimeOffsets(wallClock))
            {
                if (candidate > offset)
                    offset = candidate;
            }
        }
        else
        {
            offset = zone.GetUtcOffset(wallClock);
        }

        return DateTime.SpecifyKind(wallClock - offset, DateTimeKind.Utc);
    }

    private static void ValidateArguments(TimeZoneInfo zone, DateTime nowUtc, SlotRules rules,
        IReadOnlyList<WorkingInterval> hours, IReadOnlyList<DaysOff> daysOff, IReadOnlyList<BusyInterval> busy)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(daysOff);
        ArgumentNullException.ThrowIfNull(busy);
        Validate(rules);
        if (nowUtc.Kind == DateTimeKind.Local)
            throw new ArgumentException("Now must be a UTC instant, not the server's local time.", nameof(nowUtc));
        ValidateHours(hours);
        ValidateDaysOff(daysOff);
    }

    /// <summary>The clinic-local days searched: the asked ones, clipped to today-in-zone .. today + horizon.</summary>
    private static (DateOnly First, DateOnly Last) SearchedDays(TimeZoneInfo zone, DateTime now, DateOnly fromDate, DateOnly toDate, int horizonDays)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
        var horizonEnd = today.AddDays(horizonDays);
        return (fromDate > today ? fromDate : today, toDate < horizonEnd ? toDate : horizonEnd);
    }

    private static void Validate(SlotRules rules)
    {
        if (rules.DurationMinutes <= 0)
            throw new ArgumentException("A visit must last at least one minute.", nameof(rules));
        if (rules.StepMinutes <= 0)
            throw new ArgumentException("The slot step must be at least one minute.", nameof(rules));
        if (rules.BufferBeforeMinutes < 0 || rules.BufferAfterMinutes < 0)
            throw new ArgumentException("Buffers cannot be negative.", nameof(rules));
        if (rules.MinimumNotice < TimeSpan.Zero)
            throw new ArgumentException("Minimum notice cannot be negative.", nameof(rules));
        if (rules.HorizonDays < 0)
            throw new ArgumentException("The booking horizon cannot be negative.", nameof(rules));
    }

    private static void ValidateHours(IReadOnlyList<WorkingInterval> hours)
    {
        for (var i = 0; i < hours.Count; i++)
        {
            if (hours[i].End <= hours[i].Start)
                throw new ArgumentException("A working interval must end after it starts.", nameof(hours));
        }
    }

    private static void ValidateDaysOff(IReadOnlyList<DaysOff> daysOff)
    {
        for (var i = 0; i < daysOff.Count; i++)
        {
            if (daysOff[i].To < daysOff[i].From)
                throw new ArgumentException("Days off must end on or after the day they start.", nameof(daysOff));
        }
    }

    /// <summary>Each weekday's intervals sorted by start, so a day's candidates come out in time order.</summary>
    private static List<WorkingInterval>?[] GroupByDay(IReadOnlyList<WorkingInterval> hours)
    {
        var byDay = new List<WorkingInterval>?[7];
        for (var i = 0; i < hours.Count; i++)
            (byDay[(int)hours[i].Day] ??= []).Add(hours[i]);
        foreach (var day in byDay)
            day?.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return byDay;
    }

    private static bool IsDayOff(DateOnly date, IReadOnlyList<DaysOff> daysOff)
    {
        // Days off are few (a handful of leave and holidays), so a scan beats building a set.
        for (var i = 0; i < daysOff.Count; i++)
        {
            if (daysOff[i].From <= date && date <= daysOff[i].To)
                return true;
        }
        return false;
    }

    /// <summary>
    /// Sorts busy time once and merges overlaps, so each candidate needs one comparison against the cursor.
    /// Empty or inverted intervals hold no time and are dropped.
    /// </summary>
    private static (long[] Starts, long[] Ends, int Count) MergeBusy(IReadOnlyList<BusyInterval> busy)
    {
        var starts = new long[busy.Count];
        var ends = new long[busy.Count];
        var n = 0;
        for (var i = 0; i < busy.Count; i++)
        {
            var b = busy[i];
            if (b.EndUtc.Ticks <= b.StartUtc.Ticks)
                continue;
            starts[n] = b.StartUtc.Ticks;
            ends[n] = b.EndUtc.Ticks;
            n++;
        }
        Array.Sort(starts, ends, 0, n);

        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (count > 0 && starts[i] <= ends[count - 1])
            {
                if (ends[i] > ends[count - 1])
                    ends[count - 1] = ends[i];
            }
            else
            {
                starts[count] = starts[i];
                ends[count] = ends[i];
                count++;
            }
        }
        return (starts, ends, count);
    }

    /// <summary>Index of the first merged busy interval that ends after the given instant.</summary>
    /// <summary>
    /// Walks the merged busy intervals beside the candidates. Candidates arrive in time order, so the cursor only moves
    /// forward; overlapping working intervals (bad data) can step back, and then it finds its place again by binary search.
    /// </summary>
    private struct BusyCursor
    {
        private readonly long[] _starts;
        private readonly long[] _ends;
        private readonly int _count;
        private int _next;
        private long _lastBlockStartTicks;

        public BusyCursor(IReadOnlyList<BusyInterval> busy)
        {
            (_starts, _ends, _count) = MergeBusy(busy);
            _next = 0;
            _lastBlockStartTicks = long.MinValue;
        }

        /// <summary>Whether the block meets a busy interval (both half-open, so one that only touches it is free).</summary>
        public bool Overlaps(DateTime blockStart, DateTime blockEnd)
        {
            if (blockStart.Ticks < _lastBlockStartTicks)
                _next = FirstEndingAfter(_ends, _count, blockStart.Ticks);
            _lastBlockStartTicks = blockStart.Ticks;
            while (_next < _count && _ends[_next] <= blockStart.Ticks)
                _next++;
            return _next < _count && _starts[_next] < blockEnd.Ticks;
        }
    }

    private static int FirstEndingAfter(long[] ends, int count, long ticks)
    {
        int lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (ends[mid] <= ticks)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// The instant a wall-clock bound is reached: itself when it exists (the earlier one when ambiguous), otherwise
    /// the end of the gap, since a clinician due to start or stop at 02:30 on a spring-forward night does so at 03:00.
    /// </summary>
    private static DateTime FirstInstantAtOrAfter(TimeZoneInfo zone, DateTime local)
    {
        if (ToUtc(zone, local) is { } exact)
            return exact;

        var minute = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
        for (var i = 1; i <= MaxGapMinutes; i++)
        {
            if (ToUtc(zone, minute.AddMinutes(i)) is { } afterGap)
                return afterGap;
        }
        throw new InvalidOperationException($"Time zone {zone.Id} has a clock gap longer than {MaxGapMinutes} minutes.");
    }

    /// <summary>
    /// Candidates arrive in time order; only overlapping working intervals (bad data) leave them out of order or twice,
    /// and then they are sorted and each start kept once. One pass, no allocation, when they are in order.
    /// </summary>
    private static void EnsureOrdered(List<Slot> slots)
    {
        for (var i = 1; i < slots.Count; i++)
        {
            if (slots[i].StartUtc.Ticks <= slots[i - 1].StartUtc.Ticks)
            {
                SortAndDeduplicate(slots);
                return;
            }
        }
    }

    private static void SortAndDeduplicate(List<Slot> slots)
    {
        slots.Sort(static (a, b) => a.StartUtc.CompareTo(b.StartUtc));
        var kept = 0;
        for (var i = 0; i < slots.Count; i++)
        {
            if (kept > 0 && slots[i].StartUtc == slots[kept - 1].StartUtc)
                continue;
            slots[kept++] = slots[i];
        }
        slots.RemoveRange(kept, slots.Count - kept);
    }
}
