using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Razor;
using PatientExperience.Core.Email;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.Identity;
using PatientExperience.Web.Email;
using PatientExperience.Web.Identity;

namespace PatientExperience.Web.Configurations;

public static class WebServices
{
    public static IServiceCollection AddWebServices(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Secure cookies everywhere but on a developer's plain-http localhost.
        var cookieSecurity = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddHttpContextAccessor();
        services.AddScoped<AssetUrls>();
        services.AddScoped<Controllers.StaffSites>();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddScoped<EmailTemplates>();
        services.AddScoped<IEmailComposer, EmailComposer>();
        services.AddScoped<IAccountLinks, AccountLinks>();
        services.AddScoped<Letters.ComplaintLetters>();
        services.AddScoped<Core.Appointments.IAppointmentNotifier, AppointmentNotifier>();
        services.AddScoped<Core.Surveys.ISurveyNotifier, SurveyNotifier>();
        services.AddScoped<Sms.TextDeliveryReports>();
        services.AddAppLocalization();
        services.AddSingleton<Localization.PatientNames>();

        AddPortalIdentity(services);
        AddPortalCookies(services, configuration, cookieSecurity);
        AddPortalAuthorization(services);
        AddMvc(services);
        services.AddPortalHealthChecks();
        services.AddAppRateLimits(configuration);
        services.AddComplaintWeb(configuration);
        Fhir.FhirWebServices.AddFhir(services, configuration);
        return services;
    }

    /// <summary>Identity: accounts, password and lockout rules, the second factor, and how long emailed links last.</summary>
    private static void AddPortalIdentity(IServiceCollection services)
    {
        services.AddIdentity<ApplicationUser, Microsoft.AspNetCore.Identity.IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.Password.RequiredLength = SchemaLimits.PasswordMinLength;
                // Length beats composition rules (NIST SP 800-63B): no forced symbols or digits.
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.Tokens.AuthenticatorTokenProvider = AuthenticatorAppTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<AuthenticatorAppTokenProvider>(AuthenticatorAppTokenProvider.ProviderName)
            .AddSignInManager<AppSignInManager>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = TwoFactorEnforcement.KeepSecondFactorClaim;
        });
        services.AddSingleton<TwoFactorRequirement>();
    }

    /// <summary>The sign-in and antiforgery cookies (idle sign-out included) and the data protection keys behind them.</summary>
    private static void AddPortalCookies(IServiceCollection services, IConfiguration configuration, CookieSecurePolicy cookieSecurity)
    {
        var idle = new IdleSignOut(configuration);
        services.AddSingleton(idle);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/accessdenied";
            options.Cookie.Name = "pe.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = cookieSecurity;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Idle sign-out: 30 minutes for patients, 15 for staff, and the status check that never renews (docs/architecture.md).
            idle.Configure(options);
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "pe.af";
            options.Cookie.SecurePolicy = cookieSecurity;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddDataProtection().PersistKeysToDbContext<AppDbContext>().SetApplicationName("PatientExperience");
    }

    /// <summary>Who may open what: one policy per kind of user; pages say which they need (no fallback).</summary>
    private static void AddPortalAuthorization(IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Patient, p => p.RequireRole(Roles.Patient))
            .AddPolicy(Policies.Staff, p => p.RequireRole([.. Roles.StaffRoles]))
            .AddPolicy(Policies.FrontDesk, p => p.RequireRole(Roles.FrontDesk, Roles.Manager))
            .AddPolicy(Policies.Clinician, p => p.RequireRole(Roles.Clinician))
            .AddPolicy(Policies.Manager, p => p.RequireRole(Roles.Manager, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .SetFallbackPolicy(null);

    /// <summary>Controllers and views: lowercase routes, antiforgery on every post, forgiving binders, localized views.</summary>
    private static void AddMvc(IServiceCollection services)
    {
        services.AddRouting(o =>
        {
            o.LowercaseUrls = true;
            o.LowercaseQueryStrings = false;
        });
        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.ModelBinderProviders.Insert(0, new LenientBooleanBinderProvider());
                o.ModelBinderProviders.Insert(0, new SaneDateBinderProvider(o.ModelBinderProviders));
                o.Conventions.Add(new RouteValuesWinConvention());
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
    }
}
