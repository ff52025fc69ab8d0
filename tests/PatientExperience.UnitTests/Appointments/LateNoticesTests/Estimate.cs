using PatientExperience.Core.Appointments;

namespace PatientExperience.UnitTests.Appointments.LateNoticesTests;

/// <summary>The running-late estimate from the flow board's state, and the steps patients are told at.</summary>
public class Estimate
{
    [Fact]
    public void QueuesEachVisitBehindTheOneWithTheClinicianAndSkipsPatientsNotHereWhoseTimeHasPassed()
    {
        var nine = new DateTime(2026, 12, 1, 14, 0, 0, DateTimeKind.Utc);
        FlowRow Row(int id, int minutes, AppointmentStatus status, DateTime? seen = null) =>
            new(id, id, "P", null, nine.AddMinutes(minutes), "S", 1, "C", "D", status, null, seen, EndUtc: nine.AddMinutes(minutes + 15));
        var rows = new[]
        {
            Row(1, 0, AppointmentStatus.InRoom, seen: nine.AddMinutes(10)), // with the clinician until 9:25
            Row(2, 15, AppointmentStatus.Booked),                          // time passed, not here: holds nobody up
            Row(3, 30, AppointmentStatus.Arrived),                         // 9:30, waiting
            Row(4, 45, AppointmentStatus.Booked),
        };
        var estimate = LateNotices.Estimate(rows, nine.AddMinutes(20));
        Assert.Equal([3, 4], estimate.Select(e => e.Row.AppointmentId));
        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero], estimate.Select(e => e.Late));
        // At 9:40 nobody has been called in after the first: the clinician is late for everyone from now.
        var later = LateNotices.Estimate(rows, nine.AddMinutes(40));
        Assert.Equal([10, 10], later.Select(e => (int)e.Late.TotalMinutes));
        Assert.Equal((0, 0), LateNotices.StepOf(TimeSpan.FromMinutes(15), 15));
        Assert.Equal((1, 15), LateNotices.StepOf(TimeSpan.FromMinutes(16), 15));
        Assert.Equal((2, 30), LateNotices.StepOf(TimeSpan.FromMinutes(31), 15));
    }
}
