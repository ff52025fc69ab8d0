using PatientExperience.Core.Complaints;
using PatientExperience.Core.Interactions;

namespace PatientExperience.Web.ViewModels;

public static class ComplaintText
{
    public static string Status(ComplaintStatus status) => status switch
    {
        ComplaintStatus.New => "New",
        ComplaintStatus.Acknowledged => "Acknowledged",
        ComplaintStatus.Investigating => "Investigating",
        ComplaintStatus.AwaitingPatient => "Awaiting patient (clock paused)",
        ComplaintStatus.Resolved => "Resolved",
        ComplaintStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    public static string Severity(ComplaintSeverity severity) => severity switch
    {
        ComplaintSeverity.Low => "Low",
        ComplaintSeverity.Medium => "Medium",
        ComplaintSeverity.High => "High",
        ComplaintSeverity.Critical => "Critical",
        _ => severity.ToString(),
    };

    public static string Channel(InteractionChannel channel) => channel switch
    {
        InteractionChannel.Phone => "Phone",
        InteractionChannel.InPerson => "In person",
        InteractionChannel.Email => "Email",
        InteractionChannel.Letter => "Letter",
        InteractionChannel.Web => "Web",
        InteractionChannel.Text => "Text message",
        _ => channel.ToString(),
    };

    public static string Queue(ComplaintQueue queue) => queue switch
    {
        ComplaintQueue.Mine => "Mine",
        ComplaintQueue.Department => "My department",
        ComplaintQueue.Unassigned => "Unassigned",
        ComplaintQueue.DueSoon => "Due soon",
        ComplaintQueue.Overdue => "Overdue",
        ComplaintQueue.Open => "All open",
        ComplaintQueue.Finished => "Resolved and closed",
        _ => queue.ToString(),
    };

    public static string Event(ComplaintEventKind kind) => kind switch
    {
        ComplaintEventKind.Received => "Received",
        ComplaintEventKind.StatusChanged => "Status changed",
        ComplaintEventKind.Assigned => "Assigned",
        ComplaintEventKind.InternalNote => "Internal note",
        ComplaintEventKind.MessageToComplainant => "Message to the complainant",
        ComplaintEventKind.MessageFromComplainant => "Message from the complainant",
        ComplaintEventKind.Escalated => "Escalated",
        ComplaintEventKind.AcknowledgementSent => "Acknowledgement sent",
        ComplaintEventKind.ResponseSent => "Written response sent",
        ComplaintEventKind.Reopened => "Reopened",
        ComplaintEventKind.ResolvedAtFirstContact => "Resolved at first contact",
        ComplaintEventKind.DeadlineAgreed => "Response date agreed",
        ComplaintEventKind.OutcomeRecorded => "Outcome recorded",
        _ => kind.ToString(),
    };
}
