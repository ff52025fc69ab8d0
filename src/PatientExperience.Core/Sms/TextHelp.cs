namespace PatientExperience.Core.Sms;

/// <summary>
/// How often a reply we cannot read gets the short help text: once a day at most, per visit waiting for an answer or per
/// patient when none is. An auto-reply on the patient's phone then gets one answer a day, never an endless exchange,
/// and a person who is stuck again tomorrow is helped again.
/// </summary>
public static class TextHelp
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(24);

    /// <summary>Whether help may go now, given when it last went (null: never).</summary>
    public static bool MayGo(DateTime? lastSentUtc, DateTime nowUtc) => lastSentUtc is null || nowUtc - lastSentUtc.Value >= Interval;
}
