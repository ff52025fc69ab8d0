using PatientExperience.Core.ServiceRecovery;

namespace PatientExperience.Core.Surveys;

public sealed record SubmitOutcome(SurveyState State, int? ResponseId, IReadOnlyList<RecoveryTrigger> Triggers);
