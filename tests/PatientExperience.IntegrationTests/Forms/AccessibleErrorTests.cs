using System.Net;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.IntegrationTests.Localization;

namespace PatientExperience.IntegrationTests.Forms;

/// <summary>
/// A form sent with mistakes comes back with an error summary at the top linking to each field, and each field says it
/// is invalid and which message describes it (aria-invalid, aria-describedby), on patient and staff forms alike.
/// </summary>
public class AccessibleErrorTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Password = "a long enough password";

    [Fact]
    public async Task RegistrationWithMistakesListsEachInTheSummaryAndTiesEachToItsField()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        var clean = await browser.GetPageAsync("/account/register", ct);
        Assert.Null(clean.QuerySelector(".error-summary"));
        Assert.Empty(clean.QuerySelectorAll("[aria-invalid]"));

        using var refused = await browser.SubmitAsync(clean, "/account/register",
        [
            new("FirstName", ""), new("LastName", "Okafor"), new("DateOfBirth", "1990-05-06"), new("Email", "not an email"),
            new("Phone", "555 010 4400"), new("PreferredLanguage", "en"), new("Password", "short"), new("ConfirmPassword", "different"),
        ], ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Browser.ReadAsync(refused, ct);
        var summary = page.QuerySelector(".error-summary")!;
        Assert.Equal("There is a problem", summary.QuerySelector("h2")!.TextContent.Trim());
        var messages = ErrorSummary.AssertTiedToFields(page, "FirstName", "Email", "Password", "ConfirmPassword");
        // In the order of the fields on the page.
        Assert.Equal(["#FirstName", "#Email", "#Password", "#ConfirmPassword"], summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!));
        Assert.Equal(page.FieldError("Email"), messages["Email"]);
        // A hint stays beside the message it already had.
        Assert.StartsWith("Password-hint ", page.QuerySelector("[name='Password']")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        // The page loads the script that moves focus to the summary.
        Assert.NotNull(page.QuerySelector("script[src^='/js/site.'][src$='.js']"));
    }

    [Fact]
    public async Task PatientFormsInSpanishTieErrorsToFieldsWithNoEnglishLeft()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        const string email = "elena.errores@example.com";
        using var registered = await browser.SubmitAsync("/account/register", "/account/register",
        [
            new("FirstName", "Elena"), new("LastName", "Errores"), new("DateOfBirth", "1979-08-09"), new("Email", email),
            new("Phone", "555 010 4400"), new("PreferredLanguage", "es"), new("Password", Password), new("ConfirmPassword", Password),
        ], ct);
        await browser.GetPageAsync(OutboxReader.LinkIn(Assert.Single(await factory.MessagesToAsync(email, ct))), ct);
        await browser.SignInAsync(email, ct, Password);

        using var details = await browser.SubmitAsync("/my/details", "/my/details",
            [new("Form.Phone", "call me maybe"), new("Form.PreferredLanguage", "es"), new("Form.ContactByEmail", "false"), new("Form.ContactByPhone", "false")], ct);
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        var page = await Browser.ReadAsync(details, ct);
        Assert.Equal("Hay un problema", page.QuerySelector(".error-summary h2")!.TextContent.Trim());
        ErrorSummary.AssertTiedToFields(page, "Form.Phone");
        Translations.AssertNoEnglishLeft(page, "es");

        using var complaint = await browser.SubmitAsync("/my/complaints/new", "/my/complaints/new", [new("WhatHappened", "")], ct);
        var complaintPage = await Browser.ReadAsync(complaint, ct);
        var messages = ErrorSummary.AssertTiedToFields(complaintPage, [.. complaintPage.QuerySelectorAll("[aria-invalid='true']").Select(e => e.GetAttribute("name")!)]);
        Assert.Contains("WhatHappened", messages.Keys);
        Translations.AssertNoEnglishLeft(complaintPage, "es");
    }
}
