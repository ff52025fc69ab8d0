using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace PatientExperience.Web.Identity;

public static class TwoFactorEnforcement
{
    /// <summary>
    /// Belt and braces behind the sign-in flow: a session for someone who must use a second factor but whose
    /// sign-in did not pass one (an old cookie, a changed setting) is ended and sent to sign in again.
    /// </summary>
    public static IApplicationBuilder UseTwoFactorEnforcement(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true
                && !TwoFactorRequirement.PassedSecondFactor(user)
                && context.RequestServices.GetRequiredService<TwoFactorRequirement>().IsRequired(user))
            {
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                context.Response.Redirect("/account/login");
                return;
            }
            await next();
        });

    /// <summary>The one-minute stamp check rebuilds the principal from the database: keep the second-factor mark.</summary>
    public static Task KeepSecondFactorClaim(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal is { } current && TwoFactorRequirement.PassedSecondFactor(current)
            && context.NewPrincipal is { } fresh && !TwoFactorRequirement.PassedSecondFactor(fresh)
            && fresh.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(TwoFactorRequirement.MfaClaimType, TwoFactorRequirement.MfaClaimValue));
        }
        return Task.CompletedTask;
    }
}
