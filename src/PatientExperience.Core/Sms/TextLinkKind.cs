namespace PatientExperience.Core.Sms;

/// <summary>What a short link in a text opens: each kind looks for its token in its own column only.</summary>
public enum TextLinkKind
{
    /// <summary><c>/o/{token}</c>: a waitlist offer (<see cref="Appointments.WaitlistOffer.TokenHash"/>).</summary>
    WaitlistOffer,
    /// <summary><c>/c/{token}</c>: the day's check-in (<see cref="Appointments.Appointment.CheckInTokenHash"/>).</summary>
    CheckIn,
    /// <summary><c>/s/{token}</c>: the survey link sent by text (<see cref="Surveys.SurveyInvitation.TextTokenHash"/>).</summary>
    Survey,
}
