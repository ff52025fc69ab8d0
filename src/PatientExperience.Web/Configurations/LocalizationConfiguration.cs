using Microsoft.AspNetCore.Localization;

namespace PatientExperience.Web.Configurations;

public static class LocalizationConfiguration
{
    public const string LanguageClaim = "pe:lang";

    public static IServiceCollection AddAppLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SupportedLanguages.All.Select(l => new CultureInfo(l.Code)).ToList();
            options.DefaultRequestCulture = new RequestCulture(SupportedLanguages.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // A signed-in patient's preferred language wins; then ?culture=, the cookie, the browser.
            // Staff pages are English only (not translated), so signed-in staff always get English rather than
            // a half-translated page.
            options.RequestCultureProviders.Insert(0, new CustomRequestCultureProvider(context =>
            {
                if (Roles.StaffRoles.Any(context.User.IsInRole))
                    return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(SupportedLanguages.Default));
                var language = context.User.FindFirst(LanguageClaim)?.Value;
                return Task.FromResult(SupportedLanguages.IsSupported(language)
                    ? new ProviderCultureResult(language!)
                    : null);
            }));
            // An error page for a request that came with ?culture= (status pages re-run the request without its query).
            options.RequestCultureProviders.Insert(1, new CustomRequestCultureProvider(context =>
                Task.FromResult(CultureLinks.FromReExecutedRequest(context) is { } language ? new ProviderCultureResult(language) : null)));
        });
        services.AddTransient<IStartupFilter, RememberCultureStartupFilter>();
        return services;
    }
}
