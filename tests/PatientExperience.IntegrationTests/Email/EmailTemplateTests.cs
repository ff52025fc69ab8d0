using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Email;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.IntegrationTests.Surveys;

namespace PatientExperience.IntegrationTests.Email;

/// <summary>
/// Issue 15 item 20: every email comes from a Razor template in one layout: readable on a phone (viewport), in the
/// reader's language (lang), the clinic's name at the top and its name and phone at the bottom, and a plain-text part
/// with the same sentences and every link written out in full. Each email is made by the real flow that sends it.
/// </summary>
public class EmailTemplateTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    private const string ClinicName = "Riverside Health Clinic";
    private const string ClinicPhone = "(555) 010-0100"; // configured as "+1 555 010 0100", written one way (PhoneFormat.SiteOrGroup)
    private const string ClinicStreet = "410 Riverside Drive";

    /// <summary>What a reader notices about an email, whichever part their mail program shows.</summary>
    private static async Task AssertTemplatedAsync(OutboxMessage mail, string language, CancellationToken ct, params string[] sentences)
    {
        var html = mail.HtmlBody!;
        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        var page = await Browser.ParseAsync(html, ct);
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("font-size:16px", page.Body!.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Equal(ClinicName, page.QuerySelector("[data-email=header]")!.TextContent.Trim());
        var footer = page.QuerySelector("[data-email=footer]")!.TextContent;
        Assert.Contains(ClinicName, footer, StringComparison.Ordinal);
        Assert.Contains(ClinicPhone, footer, StringComparison.Ordinal);
        Assert.Contains(ClinicStreet, footer, StringComparison.Ordinal);

        var text = mail.TextBody;
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&#", text, StringComparison.Ordinal);
        var details = text[text.LastIndexOf("\n--\n", StringComparison.Ordinal)..];
        Assert.Contains(ClinicName, details, StringComparison.Ordinal);
        Assert.Contains(ClinicPhone, details, StringComparison.Ordinal);
        Assert.Contains(ClinicStreet, details, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
        foreach (var sentence in sentences)
        {
            Assert.True(text.Contains(sentence, StringComparison.Ordinal), $"Text part lacks \"{sentence}\":\n{text}");
            Assert.True(page.Body.TextContent.Contains(sentence, StringComparison.Ordinal), $"HTML part lacks \"{sentence}\"");
        }
        var links = page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
            Assert.True(text.Contains(link + "\n", StringComparison.Ordinal), $"Text part lacks the link {link} in full:\n{text}");
        foreach (var part in new[] { mail.Subject, text, WebUtility.HtmlDecode(html) })
            Assert.DoesNotMatch(@"\{\d\}", part);
    }

    [Fact]
    public async Task ASpanishPatientWhoBooksGetsTheConfirmationInTheLayoutInSpanish()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, email) = await factory.CreatePatientAsync("tmplbook", ct, "es");
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);
        var services = await browser.GetPageAsync("/appointments/book", ct);
        var clinicians = await browser.GetPageAsync(services.QuerySelectorAll("a.choice")[0].GetAttribute("href")!, ct);
        var times = await browser.GetPageAsync(clinicians.QuerySelectorAll("a.choice")[0].GetAttribute("href")!, ct);
        var confirm = await browser.GetPageAsync(times.QuerySelectorAll("a.slot")[0].GetAttribute("href")!, ct);
        using var booked = await browser.SubmitAsync(confirm, confirm.QuerySelector("main form")!.GetAttribute("action")!, [], ct);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);

        var mail = Assert.Single(await factory.MessagesToAsync(email, ct));
        await AssertTemplatedAsync(mail, "es", ct, "Hola, Survey:", "Para cambiarla o cancelarla", "Mis citas");
        Assert.DoesNotContain("Your appointment", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Teléfono: " + ClinicPhone, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/appointments", OutboxReader.LinkIn(mail), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASpanishSurveyInvitationAndAnEnglishWeHeardYouComeFromTheTemplates()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, email, _, link) = await factory.InvitedAsync("tmplsurvey", factory.WeekdayUtc(1, 10), ct, "es");
        var invitation = Assert.Single(await factory.SurveyEmailsAsync(email, ct));
        await AssertTemplatedAsync(invitation, "es", ct, "Hola, Survey:", "Responder la encuesta");
        Assert.EndsWith("?culture=es", OutboxReader.LinkIn(invitation), StringComparison.Ordinal);

        var (_, english, _, englishLink) = await factory.InvitedAsync("tmplheard", factory.WeekdayUtc(1, 11), ct);
        var browser = new Browser(factory.CreateBrowser());
        var page = await browser.GetPageAsync(englishLink, ct);
        using var sent = await browser.SubmitAsync(page, englishLink,
            [new("q_listened", "1"), new("q_respect", "2"), new("q_overall", "3"), new("q_recommend", "2"), new("q_comment", "Tom & Jerry's \"waiting\" <room>"), new("q_contact", "1")], ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var heard = Assert.Single(await factory.MessagesToAsync(english, ct), m => m.Subject == "We heard you");
        Assert.Equal("en", (await Browser.ParseAsync(heard.HtmlBody!, ct)).DocumentElement.GetAttribute("lang"));
        Assert.Contains("Thank you for your answers.", heard.TextBody, StringComparison.Ordinal);
        Assert.Contains($"If it cannot wait, call us on {ClinicPhone}.", heard.TextBody, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\"", heard.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(ClinicName + "\n" + ClinicStreet + "\nNew York, NY 10025\nPhone: " + ClinicPhone, heard.TextBody, StringComparison.Ordinal);
        Assert.NotNull(link);
    }

    [Fact]
    public async Task AComplaintAcknowledgementAndTheManagersAlertComeFromTheTemplates()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, email) = await factory.CreatePatientAsync("tmplcomplaint", ct);
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync(email, ct);
        var category = await factory.WithDbAsync(db => db.ComplaintCategories.Where(c => c.Name == "Communication").Select(c => c.Id).SingleAsync(ct));
        var form = await patient.GetPageAsync("/my/complaints/new", ct);
        using var sent = await patient.SubmitAsync(form, "/my/complaints/new",
            [new("CategoryId", category.ToString(CultureInfo.InvariantCulture)), new("WhatHappened", "Nobody told me <why> & when.")], ct);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var acknowledgement = Assert.Single(await factory.MessagesToAsync(email, ct));
        await AssertTemplatedAsync(acknowledgement, "en", ct, "Thank you for telling us.", "Your reference is CMP-",
            $"You can follow it on your complaints page, or call us on {ClinicPhone} and quote your reference.");
        Assert.Contains("/my/complaints/", OutboxReader.LinkIn(acknowledgement), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASpanishRegistrationGetsItsConfirmationInTheLayoutAndTheLinkWorks()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        const string email = "lucia.template@example.com";
        using var registered = await browser.SubmitAsync("/account/register", "/account/register",
        [
            new("FirstName", "Lucía"), new("LastName", "O'Brien"), new("DateOfBirth", "1980-02-11"), new("Email", email),
            new("Phone", "555 010 3400"), new("PreferredLanguage", "es"),
            new("Password", "a long enough password"), new("ConfirmPassword", "a long enough password"),
        ], ct);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var mail = Assert.Single(await factory.MessagesToAsync(email, ct));
        await AssertTemplatedAsync(mail, "es", ct, "Hola, Lucía:");
        Assert.DoesNotContain("Thank you for registering", mail.TextBody, StringComparison.Ordinal);
        var confirmed = await browser.GetPageAsync(OutboxReader.LinkIn(mail), ct);
        Assert.Equal("es", confirmed.DocumentElement.GetAttribute("lang"));
    }
}
