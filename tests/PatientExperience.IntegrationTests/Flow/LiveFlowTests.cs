using System.Net;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Patients;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Flow;

/// <summary>
/// The live pages' event stream (/flow/events): staff only, and a "changed" event soon after today's flow changes —
/// read from the database, so a change through any instance reaches every page.
/// </summary>
public class LiveFlowTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    [Fact]
    public async Task TheStreamIsForStaffOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = await factory.CreateBrowser().GetAsync("/flow/events", HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);

        var patient = await FlowDay.SignedInAsync(factory, "patient@demo.test", ct);
        using var refused = await patient.Client.GetAsync("/flow/events", HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEqual("text/event-stream", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ACheckInIsAnnouncedOnTheStreamAndTheDesksListShowsIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var patient = await FlowDay.PatientAsync(factory, "Live Stream", "en", VisitMessages.Email, ct);
        var visit = (await FlowDay.BookBackToBackAsync(factory, [patient.Id], ct))[0];
        FlowDay.At(factory, visit.StartUtc.AddMinutes(-20));

        var desk = await FlowDay.SignedInAsync(factory, "frontdesk@demo.test", ct);
        var page = await desk.GetPageAsync("/frontdesk?window=day", ct);
        Assert.Equal("/flow/events", page.QuerySelector("[data-live-region]")!.GetAttribute("data-live-events"));
        Assert.NotNull(page.QuerySelector("[data-live-status][role='status']"));
        Assert.NotNull(page.QuerySelector("a[href^='/frontdesk']:not([class])")); // the Refresh link without JavaScript

        // Without asking for an event stream (a crawler, curl): one event, and the answer ends.
        using (var once = await desk.Client.GetAsync("/flow/events", ct))
            Assert.Contains("event: changed", await once.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        using var ask = new HttpRequestMessage(HttpMethod.Get, "/flow/events");
        ask.Headers.Accept.ParseAdd("text/event-stream");
        using var stream = await desk.Client.SendAsync(ask, HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no", stream.Headers.GetValues("X-Accel-Buffering").Single());
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(ct));
        var before = await NextChangeAsync(reader, ct);

        // Checked in from a phone (any instance: the stream reads the database).
        await FlowDay.AdvanceAsync(factory, visit.Id, FlowStep.Arrived, ct);
        var after = await NextChangeAsync(reader, ct);
        Assert.NotEqual(before, after);

        // What the page fetches again shows them waiting.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/frontdesk?window=day&status=All");
        request.Headers.Add("X-Live-Update", "1");
        using var again = await desk.Client.SendAsync(request, ct);
        var fresh = await Browser.ReadAsync(again, ct);
        var row = fresh.QuerySelectorAll("[data-live-region] tr").Single(r => r.TextContent.Contains("Ana Live Stream", StringComparison.Ordinal));
        Assert.Equal($"Arrived {NewYorkTime.Time(visit.StartUtc.AddMinutes(-20))}", row.QuerySelector("[data-arrived]")!.TextContent.Trim());
    }

    /// <summary>The data of the next "changed" event, within ten seconds.</summary>
    private static async Task<string> NextChangeAsync(StreamReader reader, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var changed = false;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line == "event: changed")
                changed = true;
            else if (changed && line.StartsWith("data: ", StringComparison.Ordinal))
                return line["data: ".Length..];
        }
        throw new InvalidOperationException("The stream ended without a change.");
    }
}
