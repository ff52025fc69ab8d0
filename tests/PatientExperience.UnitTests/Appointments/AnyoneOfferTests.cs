using PatientExperience.Core.Appointments;

namespace PatientExperience.UnitTests.Appointments;

/// <summary>"Anyone – the earliest time": each time offered once, to the clinician with the most room that day.</summary>
public class AnyoneOfferTests
{
    private static readonly DateTime Tuesday = new(2026, 11, 24, 9, 0, 0);

    private static OfferedSlot Free(int clinicianId, DateTime local) =>
        new(DateTime.SpecifyKind(local.AddHours(5), DateTimeKind.Utc), local, clinicianId, $"Clinician {clinicianId}",
            new Slot(local.AddHours(5), local.AddHours(5).AddMinutes(15), local.AddHours(5), local.AddHours(5).AddMinutes(15), local));

    [Fact]
    public void TimeGoesToTheClinicianWithMoreFreeTimeThatDay()
    {
        // Clinician 1 (first by name) has one free time left on Tuesday; clinician 2 has three.
        IReadOnlyList<OfferedSlot> offered =
        [
            Free(1, Tuesday),
            Free(2, Tuesday), Free(2, Tuesday.AddMinutes(15)), Free(2, Tuesday.AddMinutes(30)),
        ];

        var day = Assert.Single(Availability.OneOfferPerTime(offered));

        Assert.Equal([Tuesday, Tuesday.AddMinutes(15), Tuesday.AddMinutes(30)], day.Slots.Select(s => s.LocalStart));
        Assert.All(day.Slots, s => Assert.Equal(2, s.ClinicianId));
    }

    [Fact]
    public void EquallyFreeCliniciansKeepNameOrderAndEachTimeIsOfferedOnce()
    {
        IReadOnlyList<OfferedSlot> offered =
        [
            Free(1, Tuesday), Free(1, Tuesday.AddMinutes(15)),
            Free(2, Tuesday), Free(2, Tuesday.AddMinutes(15)),
        ];

        var day = Assert.Single(Availability.OneOfferPerTime(offered));

        Assert.Equal(2, day.Slots.Count);
        Assert.All(day.Slots, s => Assert.Equal(1, s.ClinicianId));
    }

    [Fact]
    public void BusyOnOneDayDoesNotCountAgainstAnother()
    {
        var wednesday = Tuesday.AddDays(1);
        IReadOnlyList<OfferedSlot> offered =
        [
            // Clinician 1: full Tuesday is left, little on Wednesday. Clinician 2: the other way round.
            Free(1, Tuesday), Free(1, Tuesday.AddMinutes(15)), Free(1, wednesday),
            Free(2, Tuesday), Free(2, wednesday), Free(2, wednesday.AddMinutes(15)),
        ];

        var days = Availability.OneOfferPerTime(offered);

        Assert.Equal(1, days[0].Slots.First(s => s.LocalStart == Tuesday).ClinicianId);
        Assert.Equal(2, days[1].Slots.First(s => s.LocalStart == wednesday).ClinicianId);
    }
}
