using System.Net;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Security;

public class IdleTimeoutTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    [Fact]
    public async Task StaffAreSignedOutAfterFifteenIdleMinutesAndPatientsAfterThirty()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync("patient@demo.test", ct);

        // Busy people stay signed in: each visit slides the window.
        for (var i = 0; i < 3; i++)
        {
            factory.Time.Advance(TimeSpan.FromMinutes(10));
            await desk.GetPageAsync("/frontdesk", ct);
            await patient.GetPageAsync("/my", ct);
        }

        // 16 minutes without a click: the desk must sign in again, the patient not yet.
        factory.Time.Advance(TimeSpan.FromMinutes(16));
        using var staffAfter = await desk.Client.GetAsync("/frontdesk", ct);
        Assert.Equal(HttpStatusCode.Redirect, staffAfter.StatusCode);
        Assert.StartsWith("/account/login", staffAfter.Headers.Location!.AbsolutePath);
        using var patientAfter = await patient.Client.GetAsync("/my", ct);
        Assert.Equal(HttpStatusCode.OK, patientAfter.StatusCode);

        // 31 minutes without a click: the patient must sign in again too.
        factory.Time.Advance(TimeSpan.FromMinutes(31));
        using var patientLater = await patient.Client.GetAsync("/my", ct);
        Assert.Equal(HttpStatusCode.Redirect, patientLater.StatusCode);
        Assert.StartsWith("/account/login", patientLater.Headers.Location!.AbsolutePath);
    }
}
