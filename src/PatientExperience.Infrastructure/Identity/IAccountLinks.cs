namespace PatientExperience.Infrastructure.Identity;

/// <summary>Links that the web layer builds (it knows the routes); the service only fills them in.</summary>
public interface IAccountLinks
{
    string ConfirmEmail(string userId, string token);
    string SetPassword(string userId, string token);
    string SignIn();
    string ForgotPassword();
    string Appointments();
    string WaitlistOffer(string token);
    string CheckIn(string token);

    /// <summary>The short links texts carry (<c>/o/</c>, <c>/c/</c>, <c>/s/</c>): no <c>?culture=</c>, the page reads the
    /// patient's language from the token's record.</summary>
    string TextOffer(string token);

    string TextCheckIn(string token);

    string TextSurvey(string token);
}
