using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatientExperience.Infrastructure.Identity;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.IntegrationTests.Privacy;
using Serilog.Core;

namespace PatientExperience.IntegrationTests.Security;

public class DevelopmentTwoFactorTests(DevelopmentTwoFactorFactory factory) : IClassFixture<DevelopmentTwoFactorFactory>
{
    [Fact]
    public async Task OnADevelopersMachineTheDemoAdminSignsInWithThePasswordAlone()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("admin@demo.test", ct);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/admin", ct)).StatusCode);
    }
}
