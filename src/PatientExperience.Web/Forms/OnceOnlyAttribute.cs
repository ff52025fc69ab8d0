using Microsoft.AspNetCore.Mvc.Filters;

namespace PatientExperience.Web.Forms;

/// <summary>
/// On a POST action that creates something: a form sent twice with the same one-time key (a double click, a resend) does
/// the work once, and the second copy lands on the first one's result. The form carries the key through the
/// <c>one-time-key</c> attribute (<see cref="OneTimeKeyTagHelper"/>); a POST without a key runs as before.
/// See <see cref="OnceOnlyFilter"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OnceOnlyAttribute : Attribute, IFilterFactory
{
    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) => ActivatorUtilities.CreateInstance<OnceOnlyFilter>(serviceProvider);
}
