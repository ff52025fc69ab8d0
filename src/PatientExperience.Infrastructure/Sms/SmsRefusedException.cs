namespace PatientExperience.Infrastructure.Sms;

/// <summary>The gateway did not accept the text (its HTTP status only: the answer body may echo the number).</summary>
public sealed class SmsRefusedException(string status) : Exception($"The SMS gateway answered {status}.");
