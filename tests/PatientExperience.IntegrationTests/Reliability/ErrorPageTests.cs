using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.IntegrationTests.Privacy;

namespace PatientExperience.IntegrationTests.Reliability;

/// <summary>
/// A page that really fails (its table is gone): the person sees a short reference they can read out on the phone
/// and no promise we cannot keep; staff find the same reference in the log next to the failure.
/// </summary>
public class ErrorPageTests(CapturingFactory factory) : IClassFixture<CapturingFactory>
{
    [Fact]
    public async Task AFailedPageShowsAShortReferenceThatStaffFindInTheLogWithTheFailure()
    {
        var ct = TestContext.Current.CancellationToken;
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.GetAsync("/surveys/lexicon", ct)).StatusCode);

        // A real failure: the table behind the page disappears (as after a botched manual change to the database).
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE \"LexiconEntries\"", ct));
        using var failed = await manager.Client.GetAsync("/surveys/lexicon", ct);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var page = await Browser.ReadAsync(failed, ct);
        var text = page.MainText();
        Assert.Contains("Something went wrong", text);
        Assert.DoesNotContain("Nothing you entered has been lost", text);
        Assert.DoesNotContain("Exception", text);
        Assert.Contains("call us on (555) 010-0100", text);
        var reference = page.QuerySelector(".error-reference")!.TextContent.Trim();
        Assert.Matches(new Regex("^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$"), reference);

        var logged = factory.Sink.Lines.Where(l => l.Contains(reference, StringComparison.Ordinal)).ToList();
        var line = Assert.Single(logged);
        Assert.Contains("/surveys/lexicon", line);
        Assert.Contains("LexiconEntries", line); // the failure itself, with its stack, sits on the same line

        // Each failure gets its own reference.
        using var again = await manager.Client.GetAsync("/surveys/lexicon", ct);
        Assert.NotEqual(reference, (await Browser.ReadAsync(again, ct)).QuerySelector(".error-reference")!.TextContent.Trim());
    }
}
