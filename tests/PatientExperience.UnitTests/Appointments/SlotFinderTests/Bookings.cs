using PatientExperience.Core.Appointments;
using static PatientExperience.UnitTests.Appointments.SlotFinderTests.Slots;

namespace PatientExperience.UnitTests.Appointments.SlotFinderTests;

public class Bookings
{
    private static readonly WorkingInterval[] NineToTwelve = [Hours(DayOfWeek.Monday, 9, 12)];

    [Fact]
    public void OffersASlotThatEndsExactlyWhenABookingStarts()
    {
        var slots = FindOnMonday(Rules(duration: 60), NineToTwelve, busy: [Busy(Mon(10), Mon(11))]);

        Assert.Equal([Mon(9), Mon(11)], Starts(slots));
    }

    [Fact]
    public void OffersASlotThatStartsExactlyWhenABookingEnds()
    {
        var slots = FindOnMonday(Rules(duration: 60), NineToTwelve, busy: [Busy(Mon(8), Mon(10))]);

        Assert.Equal([Mon(10), Mon(11)], Starts(slots));
    }

    [Theory]
    [InlineData(10, 0, 10, 1)]
    [InlineData(10, 59, 11, 0)]
    [InlineData(10, 15, 10, 45)]
    public void HidesASlotThatOverlapsABookingByAnyAmount(int startHour, int startMinute, int endHour, int endMinute)
    {
        var slots = FindOnMonday(Rules(duration: 60), NineToTwelve,
            busy: [Busy(Mon(startHour, startMinute), Mon(endHour, endMinute))]);

        Assert.Equal([Mon(9), Mon(11)], Starts(slots));
    }

    [Fact]
    public void HidesEverySlotUnderALongBusyBlock()
    {
        var slots = FindOnMonday(Rules(duration: 30), NineToTwelve, busy: [Busy(Mon(6), Mon(11, 30))]);

        Assert.Equal([Mon(11, 30)], Starts(slots));
    }

    [Fact]
    public void HandlesUnsortedOverlappingAndEmptyBusyIntervals()
    {
        BusyInterval[] busy =
        [
            Busy(Mon(11), Mon(11, 30)),
            Busy(Mon(9, 15), Mon(9, 45)),
            Busy(Mon(9, 30), Mon(10)),
            Busy(Mon(10, 30), Mon(10, 30)),
            Busy(Mon(9, 40), Mon(9, 50)),
        ];

        var slots = FindOnMonday(Rules(duration: 30), NineToTwelve, busy);

        Assert.Equal([Mon(10), Mon(10, 30), Mon(11, 30)], Starts(slots));
    }

    [Fact]
    public void HidesBookedTimeGivenOverlappingWorkingIntervals()
    {
        // The second interval steps back in time after the first has swept past the bookings; a nested booking
        // must not hide the long one it sits inside.
        WorkingInterval[] hours = [Hours(DayOfWeek.Monday, 9, 0, 12, 0), Hours(DayOfWeek.Monday, 9, 30, 11, 30)];

        var slots = FindOnMonday(Rules(duration: 60), hours,
            busy: [Busy(Mon(8), Mon(9, 50)), Busy(Mon(8, 5), Mon(8, 10))]);

        Assert.Equal([Mon(10), Mon(10, 30), Mon(11)], Starts(slots));
    }

    [Fact]
    public void ReadsBusyTimesWithoutAKindAsUtc()
    {
        // EF hands DateTimes back with Kind Unspecified; they are still UTC instants.
        var busy = new BusyInterval(
            new DateTime(2026, 6, 1, 13, 0, 0, DateTimeKind.Unspecified),
            new DateTime(2026, 6, 1, 14, 0, 0, DateTimeKind.Unspecified));

        var slots = Find(NewYork, MondayMidnightUtc, Monday, Monday, Rules(duration: 60), [Hours(DayOfWeek.Monday, 9, 11)],
            busy: [busy]);

        Assert.Equal([Mon(14)], Starts(slots));
    }

    [Fact]
    public void AgreesWithABruteForceCheckGivenThousandsOfBookings()
    {
        var random = new Random(20260601);
        var from = Monday;
        var to = Monday.AddDays(59);
        var rules = Rules(duration: 20, before: 5, after: 5, step: 10);
        WorkingInterval[] hours = [.. Weekdays(8, 12), .. Weekdays(13, 18)];
        var busy = new BusyInterval[3000];
        for (var i = 0; i < busy.Length; i++)
        {
            var start = MondayMidnightUtc.AddDays(random.Next(60)).AddHours(7).AddMinutes(5 * random.Next(12 * 12));
            busy[i] = Busy(start, start.AddMinutes(5 * random.Next(1, 12)));
        }

        var free = Find(Utc, MondayMidnightUtc, from, to, rules, hours, busy: busy);
        var expected = Find(Utc, MondayMidnightUtc, from, to, rules, hours)
            .Where(s => !busy.Any(b => b.StartUtc < s.BlockEndUtc && s.BlockStartUtc < b.EndUtc))
            .ToArray();

        Assert.NotEmpty(expected);
        Assert.Equal(Starts(expected), Starts(free));
    }
}
