using PatientExperience.Infrastructure.Identity;

namespace PatientExperience.Web.Identity;

/// <summary>Absolute links for emails, from the current request's host (or the configured base URL).</summary>
public sealed class AccountLinks(LinkGenerator links, IHttpContextAccessor accessor, Microsoft.Extensions.Options.IOptions<Core.Common.ClinicOptions> clinic) : IAccountLinks
{
    public string ConfirmEmail(string userId, string token) => Absolute("ConfirmEmail", new { userId, code = token });

    public string SetPassword(string userId, string token) => Absolute("SetPassword", new { userId, code = token });

    public string SignIn() => Absolute("Login", null);

    public string ForgotPassword() => Absolute("ForgotPassword", null);

    public string Appointments() => Absolute("Index", null, "Appointments");

    public string WaitlistOffer(string token) => Absolute("Offer", new { token }, "Waitlist");

    public string CheckIn(string token) => Absolute("Index", new { token }, "CheckIn");

    public string TextOffer(string token) => Absolute("Offer", new { token }, "TextLinks");

    public string TextCheckIn(string token) => Absolute("CheckIn", new { token }, "TextLinks");

    public string TextSurvey(string token) => Absolute("Survey", new { token }, "TextLinks");

    private string Absolute(string action, object? values, string controller = "Account")
    {
        var context = accessor.HttpContext;
        if (context is not null)
            return links.GetUriByAction(context, action, controller, values) ?? throw new InvalidOperationException("No route to " + action);
        var baseUri = new Uri(clinic.Value.PublicBaseUrl);
        return links.GetUriByAction(action, controller, values, baseUri.Scheme, new HostString(baseUri.Authority))
            ?? throw new InvalidOperationException("No route to " + action);
    }
}
