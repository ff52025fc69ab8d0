using PatientExperience.Core.ServiceRecovery;

namespace PatientExperience.Web.ViewModels;

/// <summary>
/// The words staff read for why a survey answer opened a follow-up ("Would not recommend us (0–6)"), on the response
/// and on the case it opened, so both pages say it the same way.
/// </summary>
public static class RecoveryTriggerText
{
    public static string Of(RecoveryTrigger trigger) => trigger switch
    {
        RecoveryTrigger.LowRecommend => "Would not recommend us (0–6)",
        RecoveryTrigger.LowOverall => "Low overall rating (0–6)",
        RecoveryTrigger.BottomAnswer => "The least positive answer on a key question",
        _ => "A negative comment",
    };

    /// <summary>The triggers a case stores as "LowRecommend, NegativeComment", in words; unknown names are skipped.</summary>
    public static IEnumerable<string> OfStored(string? stored) =>
        (stored ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => Enum.TryParse<RecoveryTrigger>(name, out var trigger) ? Of(trigger) : null)
            .OfType<string>();
}
