using PatientExperience.Core.Appointments;
using static PatientExperience.UnitTests.Appointments.SlotFinderTests.Slots;

namespace PatientExperience.UnitTests.Appointments.SlotFinderTests;

public class Buffers
{
    private static readonly WorkingInterval[] NineToTen = [Hours(DayOfWeek.Monday, 9, 10)];

    [Fact]
    public void StartsTheFirstVisitAfterTheBufferBefore()
    {
        var slots = FindOnMonday(Rules(duration: 20, before: 10, step: 30), NineToTen);

        Assert.Equal([Mon(9, 10), Mon(9, 40)], Starts(slots));
        Assert.Equal([Mon(9), Mon(9, 30)], slots.Select(s => s.BlockStartUtc));
    }

    [Fact]
    public void DropsTheLastVisitWhenItsBufferAfterWouldPassClosing()
    {
        var withoutBuffer = FindOnMonday(Rules(duration: 25, step: 30), NineToTen);
        var withBuffer = FindOnMonday(Rules(duration: 25, after: 10, step: 30), NineToTen);

        Assert.Equal([Mon(9), Mon(9, 30)], Starts(withoutBuffer));
        Assert.Equal([Mon(9)], Starts(withBuffer));
    }

    [Fact]
    public void ReportsTheVisitWithoutBuffersAndTheBlockWithThem()
    {
        var slots = FindOnMonday(Rules(duration: 30, before: 5, after: 10, step: 60), [Hours(DayOfWeek.Monday, 9, 10)]);

        var slot = Assert.Single(slots);
        Assert.Equal(Mon(9, 5), slot.StartUtc);
        Assert.Equal(Mon(9, 35), slot.EndUtc);
        Assert.Equal(Mon(9), slot.BlockStartUtc);
        Assert.Equal(Mon(9, 45), slot.BlockEndUtc);
    }

    [Fact]
    public void HidesASlotWhoseBufferAfterWouldRunIntoABooking()
    {
        var slots = FindOnMonday(Rules(duration: 30, after: 15), [Hours(DayOfWeek.Monday, 9, 12)],
            busy: [Busy(Mon(10), Mon(10, 30))]);

        // 09:30 would need 09:30–10:15; 11:30 would need until 12:15.
        Assert.Equal([Mon(9), Mon(10, 30), Mon(11)], Starts(slots));
    }

    [Fact]
    public void HidesASlotWhoseBufferBeforeWouldReachBackIntoABooking()
    {
        var slots = FindOnMonday(Rules(duration: 30, before: 15, step: 30), [Hours(DayOfWeek.Monday, 9, 12)],
            busy: [Busy(Mon(10), Mon(10, 30))]);

        // 10:45 needs the room from 10:30, the moment the booking ends, which is fine.
        Assert.Equal([Mon(9, 15), Mon(10, 45), Mon(11, 15)], Starts(slots));
    }

    [Fact]
    public void LetsABookedNeighboursBufferBlockTheAdjacentSlot()
    {
        // The neighbour's visit is 10:00–10:30 plus a 15-minute clean-up: busy until 10:45.
        var slots = FindOnMonday(Rules(duration: 30), [Hours(DayOfWeek.Monday, 9, 12)],
            busy: [Busy(Mon(10), Mon(10, 45))]);

        Assert.Equal([Mon(9), Mon(9, 30), Mon(11), Mon(11, 30)], Starts(slots));
    }

    [Fact]
    public void LetsBuffersMeetAtTheEdgeOfABookedNeighboursBuffer()
    {
        var slots = FindOnMonday(Rules(duration: 30, before: 15, step: 60), [Hours(DayOfWeek.Monday, 10, 45, 12, 0)],
            busy: [Busy(Mon(10), Mon(10, 45))]);

        var slot = Assert.Single(slots);
        Assert.Equal(Mon(11), slot.StartUtc);
        Assert.Equal(Mon(10, 45), slot.BlockStartUtc);
    }
}
