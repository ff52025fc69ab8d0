using System.Net;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Security;

public class IdleTimeoutTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    [Fact]
    public async Task StaffAreSignedOutAfterFifteenIdleMinutesButPatientsAreNot()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync("patient@demo.test", ct);

        // Busy staff stay signed in: each visit slides the window.
        for (var i = 0; i < 3; i++)
        {
            factory.Time.Advance(TimeSpan.FromMinutes(10));
            await desk.GetPageAsync("/frontdesk", ct);
        }

        factory.Time.Advance(TimeSpan.FromMinutes(16));
        using var staffAfter = await desk.Client.GetAsync("/frontdesk", ct);
        Assert.Equal(HttpStatusCode.Redirect, staffAfter.StatusCode);
        Assert.StartsWith("/account/login", staffAfter.Headers.Location!.AbsolutePath);

        using var patientAfter = await patient.Client.GetAsync("/my", ct);
        Assert.Equal(HttpStatusCode.OK, patientAfter.StatusCode);
    }
}
