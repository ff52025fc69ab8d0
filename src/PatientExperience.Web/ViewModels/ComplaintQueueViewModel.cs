using PatientExperience.Core.Complaints;

namespace PatientExperience.Web.ViewModels;

public sealed record ComplaintQueueViewModel(ComplaintQueue Queue, IReadOnlyList<ComplaintRow> Rows, int Total, IReadOnlyDictionary<ComplaintQueue, int> Counts, DateTime NowUtc);
