using static PatientExperience.UnitTests.Appointments.SlotFinderTests.Slots;

namespace PatientExperience.UnitTests.Appointments.SlotFinderTests;

public class Step
{
    [Fact]
    public void OffersOverlappingCandidatesGivenAStepShorterThanTheVisit()
    {
        var slots = FindOnMonday(Rules(duration: 60, step: 15), [Hours(DayOfWeek.Monday, 9, 11)]);

        Assert.Equal([Mon(9), Mon(9, 15), Mon(9, 30), Mon(9, 45), Mon(10)], Starts(slots));
        Assert.Equal(Mon(10, 15), slots[1].EndUtc);
    }

    [Fact]
    public void LeavesGapsGivenAStepLongerThanTheVisit()
    {
        var slots = FindOnMonday(Rules(duration: 20, step: 30), [Hours(DayOfWeek.Monday, 9, 10)]);

        Assert.Equal([Mon(9), Mon(9, 30)], Starts(slots));
        Assert.Equal([Mon(9, 20), Mon(9, 50)], slots.Select(s => s.EndUtc));
    }

    [Fact]
    public void HidesOnlyTheOverlappingCandidatesAroundABooking()
    {
        var slots = FindOnMonday(Rules(duration: 60, step: 15), [Hours(DayOfWeek.Monday, 9, 12)],
            busy: [Busy(Mon(10), Mon(10, 30))]);

        Assert.Equal([Mon(9), Mon(10, 30), Mon(10, 45), Mon(11)], Starts(slots));
    }
}
