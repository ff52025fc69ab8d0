using System.Net;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Security;

public class BookingRateLimitTests(BookingRateLimitedFactory factory) : IClassFixture<BookingRateLimitedFactory>
{
    [Fact]
    public async Task TooManyBookingTriesGetAFriendlyPleaseWaitPage()
    {
        var ct = TestContext.Current.CancellationToken;
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync("patient@demo.test", ct);
        var page = await patient.GetPageAsync("/appointments", ct);
        // A time that does not exist: refused with a message, but each try counts (guessing times is what the limit stops).
        KeyValuePair<string, string>[] values = [new("__RequestVerificationToken", page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!),
            new("ServiceId", "1"), new("Start", "not-a-time")];
        for (var i = 0; i < 3; i++)
        {
            using var answered = await patient.Client.PostAsync("/appointments/book", new FormUrlEncodedContent(values), ct);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, answered.StatusCode);
            Assert.True((int)answered.StatusCode < 500, $"POST /appointments/book answered {(int)answered.StatusCode}");
        }
        using var refused = await patient.Client.PostAsync("/appointments/book", new FormUrlEncodedContent(values), ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Please wait a minute and try again.", (await Browser.ReadAsync(refused, ct)).MainText());
    }
}
