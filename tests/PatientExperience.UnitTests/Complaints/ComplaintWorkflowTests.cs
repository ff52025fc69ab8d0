using PatientExperience.Core.Common;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Interactions;

namespace PatientExperience.UnitTests.Complaints;

public class ComplaintWorkflowTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly ComplaintDeadlines Deadlines = new(new WorkingCalendar(NewYork, []), PolicyPacks.Find(PolicyPacks.Standard));
    private static readonly DateTime Monday = new(2026, 11, 23, 15, 0, 0, DateTimeKind.Utc);
    private static readonly WrittenResponse Full = new("The visit records.", "We ran late.", "We will tell people about delays.", "Priya Shah", "Ask the director or the ombudsman.");

    private static Complaint New(ComplaintSeverity severity = ComplaintSeverity.Medium) =>
        new("CMP-2026-000001", ComplaintKind.Complaint, 1, null, null, null, InteractionChannel.Phone, 1, severity, "Waited an hour.", null, null, null, null, null, Monday, 7, Deadlines);

    [Fact]
    public void ANewComplaintCannotBeClosedOrAnsweredBeforeItIsAcknowledged()
    {
        var complaint = New();
        var close = complaint.Close(7, Monday.AddHours(1), Deadlines);
        Assert.False(close.IsSuccess);
        Assert.Equal("Send the written response before closing the complaint.", close.Errors[0].Message);
        var respond = complaint.Respond(Full, 7, Monday.AddHours(1), Deadlines);
        Assert.False(respond.IsSuccess);
        Assert.Equal(ComplaintStatus.New, complaint.Status);
    }

    [Fact]
    public void InvestigatingCannotSkipToClosedWithoutAWrittenResponse()
    {
        var complaint = New();
        complaint.Acknowledge(7, Monday.AddHours(1), Deadlines);
        complaint.StartInvestigating(7, Monday.AddHours(2), Deadlines);
        Assert.False(complaint.Close(7, Monday.AddHours(3), Deadlines).IsSuccess);
        Assert.True(complaint.Respond(Full, 7, Monday.AddDays(3), Deadlines).IsSuccess);
        Assert.True(complaint.Close(7, Monday.AddDays(4), Deadlines).IsSuccess);
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
    }

    [Fact]
    public void AWrittenResponseMissingAnyPartIsRefusedNamingEachPart()
    {
        var complaint = New();
        complaint.Acknowledge(7, Monday.AddHours(1), Deadlines);
        var result = complaint.Respond(new WrittenResponse("Looked at it", " ", null, "", "Ombudsman"), 7, Monday.AddHours(2), Deadlines);
        Assert.False(result.IsSuccess);
        Assert.Equal(["Found", "WillChange", "ContactName"], result.Errors.Select(e => e.Field));
        Assert.Contains(result.Errors, e => e.Message == "Give a named contact for questions.");
        Assert.Equal(ComplaintStatus.Acknowledged, complaint.Status);
        Assert.Null(complaint.ResponseSentAtUtc);
    }

    [Fact]
    public void ReopenWorksInsideTheWindowAndNotAfterIt()
    {
        var complaint = New();
        complaint.Acknowledge(7, Monday.AddHours(1), Deadlines);
        complaint.Respond(Full, 7, Monday.AddDays(2), Deadlines);
        complaint.Close(7, Monday.AddDays(3), Deadlines);
        var late = complaint.Reopen("They wrote back.", 28, 7, Monday.AddDays(31), Deadlines);
        Assert.False(late.IsSuccess);
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.True(complaint.Reopen("They wrote back.", 28, 7, Monday.AddDays(20), Deadlines).IsSuccess);
        Assert.Equal(ComplaintStatus.Investigating, complaint.Status);
        Assert.Null(complaint.ResponseSentAtUtc);
        Assert.False(complaint.Close(7, Monday.AddDays(21), Deadlines).IsSuccess);
    }

    [Fact]
    public void AwaitingThePatientStopsTheClockAndResumingPushesTheDeadline()
    {
        var complaint = New();
        complaint.Acknowledge(7, Monday.AddHours(1), Deadlines);
        var due = complaint.ResponseDueAtUtc;
        complaint.AwaitPatient(7, Monday.AddDays(1), Deadlines); // Tuesday
        Assert.Null(complaint.NextDueAtUtc);
        Assert.False(complaint.Respond(Full, 7, Monday.AddDays(2), Deadlines).IsSuccess);
        complaint.StartInvestigating(7, Monday.AddDays(7), Deadlines); // next Monday: Wed, Thu, Fri, Mon = 4
        Assert.Equal(4, complaint.PausedDays);
        Assert.Equal(Deadlines.ResponseDueUtc(Monday, 4), complaint.ResponseDueAtUtc);
        Assert.True(complaint.ResponseDueAtUtc > due);
        Assert.Equal(complaint.ResponseDueAtUtc, complaint.NextDueAtUtc);
    }

    [Fact]
    public void OnlyLowSeverityCanBeResolvedAtFirstContactAndItStillCounts()
    {
        Assert.False(New(ComplaintSeverity.High).ResolveAtFirstContact("Sorry.", 3, Monday, Deadlines).IsSuccess);
        var low = New(ComplaintSeverity.Low);
        Assert.False(low.ResolveAtFirstContact("  ", 3, Monday, Deadlines).IsSuccess);
        Assert.True(low.ResolveAtFirstContact("Apologised and rebooked.", 3, Monday, Deadlines).IsSuccess);
        Assert.Equal(ComplaintStatus.Resolved, low.Status);
        Assert.True(low.ResolvedAtFirstContact);
        Assert.True(low.Close(3, Monday.AddDays(1), Deadlines).IsSuccess);
    }

    [Fact]
    public void TheNextDeadlineMovesFromAcknowledgementToResponseAndResetsEscalation()
    {
        var complaint = New();
        Assert.Equal(complaint.AcknowledgeDueAtUtc, complaint.NextDueAtUtc);
        complaint.RecordEscalation(1, 9, "Manager", Monday.AddDays(1));
        complaint.Acknowledge(7, Monday.AddDays(1), Deadlines);
        Assert.Equal(complaint.ResponseDueAtUtc, complaint.NextDueAtUtc);
        Assert.Equal(0, complaint.EscalationLevel);
    }

    [Theory]
    [InlineData(ComplaintStatus.New, ComplaintStatus.Closed, false)]
    [InlineData(ComplaintStatus.Acknowledged, ComplaintStatus.Closed, false)]
    [InlineData(ComplaintStatus.Investigating, ComplaintStatus.Closed, false)]
    [InlineData(ComplaintStatus.AwaitingPatient, ComplaintStatus.Resolved, false)]
    [InlineData(ComplaintStatus.Resolved, ComplaintStatus.Closed, true)]
    [InlineData(ComplaintStatus.Closed, ComplaintStatus.Investigating, true)]
    [InlineData(ComplaintStatus.AwaitingPatient, ComplaintStatus.Investigating, true)]
    public void TheStatusTable(ComplaintStatus from, ComplaintStatus to, bool allowed) =>
        Assert.Equal(allowed, ComplaintWorkflow.CanMove(from, to));

    [Fact]
    public void ReferenceNumbersHaveTheYearAndSixDigits() =>
        Assert.Equal("CMP-2026-000123", ComplaintReferenceCounter.Format(2026, 123));

    [Fact]
    public void NotesNeedText() =>
        Assert.Equal(ResultStatus.Invalid, New().AddNote(" ", false, 7, Monday).Status);
}
