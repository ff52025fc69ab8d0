using PatientExperience.Core;
using PatientExperience.DemoData;
using PatientExperience.Infrastructure;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Web.Identity;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
// Run from a build rather than a publish (any environment, not only Development), the compressed and fingerprinted copies
// of wwwroot's files live under obj/: the build's manifest says where. A publish has them in wwwroot and no such
// manifest, and this does nothing.
builder.WebHost.UseStaticWebAssets();
builder.AddLogging();
builder.Services
    .AddApplicationServices()
    .AddInfrastructureServices(builder.Configuration, builder.Environment)
    .AddDemoData()
    .AddWebServices(builder.Configuration, builder.Environment);

var app = builder.Build();

// Before anything reads the client's address or scheme (HTTPS redirection, rate limits, logs).
app.UseClusterEdge(app.Configuration);
if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}
else
{
    app.UseExceptionHandler("/home/error");
    app.UseHsts();
    // A balancer probes the instances over plain http: its health endpoints answer there instead of redirecting.
    app.UseWhen(context => !ClusterConfiguration.IsHealthRequest(context), branch => branch.UseHttpsRedirection());
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/home/status/{0}");
app.UseRequestLogging();
app.UseNoNulCharacters();
app.UseRouting();
app.UseAuthentication();
app.UseTwoFactorEnforcement();
// After authentication: a signed-in patient's preferred language picks the culture.
app.UseRequestLocalization();
app.UseAuthorization();
app.UseRateLimiter();

app.MapStaticAssets();
app.MapPortalHealthChecks();
app.MapControllers().WithStaticAssets();
app.MapControllerRoute(name: "default", pattern: "{controller=Home}/{action=Index}/{id?}").WithStaticAssets();

await app.Services.InitializeDatabaseAsync();
try
{
    await app.RunAsync();
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
