using PatientExperience.Core.Appointments;
using static PatientExperience.UnitTests.Appointments.SlotFinderTests.Slots;

namespace PatientExperience.UnitTests.Appointments.SlotFinderTests;

public class Results
{
    [Fact]
    public void MarksUtcInstantsAsUtcAndTheLocalStartAsUnspecified()
    {
        var slot = Assert.Single(Find(NewYork, MondayMidnightUtc, Monday, Monday, Rules(duration: 30, before: 5, after: 5, step: 60),
            [Hours(DayOfWeek.Monday, 9, 10)]));

        Assert.Equal(new Slot(Mon(13, 5), Mon(13, 35), Mon(13), Mon(13, 40), new DateTime(2026, 6, 1, 9, 5, 0)), slot);
        Assert.Equal(DateTimeKind.Utc, slot.StartUtc.Kind);
        Assert.Equal(DateTimeKind.Utc, slot.EndUtc.Kind);
        Assert.Equal(DateTimeKind.Utc, slot.BlockStartUtc.Kind);
        Assert.Equal(DateTimeKind.Utc, slot.BlockEndUtc.Kind);
        Assert.Equal(DateTimeKind.Unspecified, slot.LocalStart.Kind);
    }

    [Fact]
    public void OrdersSlotsByStartAcrossWeeksAndClockChanges()
    {
        // 00:00Z on 1 October is 30 September in New York, so day 60 of the horizon is 29 November.
        var now = At(2026, 10, 1, 0, 0);

        var slots = Find(NewYork, now, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31),
            Rules(duration: 30, step: 10), [.. EveryDay(0, 4), .. EveryDay(8, 12), .. EveryDay(13, 17)]);

        Assert.Equal(60 * 3 * 22, slots.Count);
        for (var i = 1; i < slots.Count; i++)
            Assert.True(slots[i - 1].StartUtc < slots[i].StartUtc, $"Slot {i} at {slots[i].StartUtc:O} is out of order.");
        Assert.Equal(At(2026, 10, 1, 4, 0), slots[0].StartUtc);
        Assert.Equal(At(2026, 11, 29, 21, 30), slots[^1].StartUtc);
    }
}
