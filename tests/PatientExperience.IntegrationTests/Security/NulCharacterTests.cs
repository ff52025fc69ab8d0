using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Security;

/// <summary>
/// A NUL character in a search or a form (found by the hostile-input fuzz on PostgreSQL, which refuses it in text and
/// answered 500): the page answers as if it were not there, and what is stored has none.
/// </summary>
public class NulCharacterTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ANulInASearchOrAFormIsIgnoredNotA500()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);

        using (var search = await desk.Client.GetAsync("/patients?q=a%00b", ct))
        {
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
            Assert.Equal("ab", (await Browser.ReadAsync(search, ct)).QuerySelector("input[name=q]")?.GetAttribute("value"));
        }

        using var registered = await desk.SubmitAsync("/frontdesk/register", "/frontdesk/register",
            [new("FirstName", "Nu\0lla"), new("LastName", "Zer\0o"), new("DateOfBirth", "1970-01-02"), new("Phone", "555 010 0\u0000100")], ct);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var patient = await factory.WithDbAsync(db => db.Patients.AsNoTracking().SingleAsync(p => p.LastName == "Zero", ct));
        Assert.Equal(("Nulla", "+15550100100"), (patient.FirstName, patient.Phone));
    }
}
