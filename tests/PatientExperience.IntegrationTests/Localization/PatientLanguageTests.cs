using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.IntegrationTests.Surveys;

namespace PatientExperience.IntegrationTests.Localization;

/// <summary>What a page in another language must not show: any English sentence we have a translation for.</summary>
internal static class Translations
{
    private static readonly Dictionary<string, Dictionary<string, string>> Tables = [];

    public static Dictionary<string, string> For(string culture)
    {
        lock (Tables)
        {
            if (!Tables.TryGetValue(culture, out var table))
            {
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (!File.Exists(Path.Combine(dir!.FullName, "PatientExperience.sln")))
                    dir = dir.Parent;
                var path = Path.Combine(dir.FullName, "src", "PatientExperience.Web", "Resources", $"SharedResource.{culture}.resx");
                table = XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
                Tables[culture] = table;
            }
            return table;
        }
    }

    /// <summary>Fails with the English sentences (three words or more, no placeholder) left on the page's main part.</summary>
    public static void AssertNoEnglishLeft(IHtmlDocument page, string culture)
    {
        var text = page.MainText();
        var left = For(culture)
            .Where(e => e.Key != e.Value && !e.Key.Contains('{', StringComparison.Ordinal) && e.Key.Split(' ').Length >= 3)
            .Where(e => text.Contains(e.Key, StringComparison.Ordinal))
            .Select(e => e.Key).ToList();
        Assert.True(left.Count == 0, $"English left on a {culture} page: {string.Join(" | ", left)}");
    }
}

/// <summary>A patient whose language is Spanish books in Spanish; visitors switch language; staff pages stay English.</summary>
public class PatientLanguageTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task ASpanishSpeakingPatientBooksInSpanishAndGetsTheConfirmationInSpanish()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, email) = await factory.CreatePatientAsync("espanol", ct, "es");
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);

        var my = await browser.GetPageAsync("/my", ct);
        Assert.Equal("es", my.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Reservar una cita", my.MainText());
        Translations.AssertNoEnglishLeft(my, "es");

        var services = await browser.GetPageAsync("/appointments/book", ct);
        Assert.Contains("¿Qué necesita?", services.MainText());
        Assert.Contains("Paso 1 de 4", services.MainText());
        Assert.Contains("15 minutos", services.MainText());
        Translations.AssertNoEnglishLeft(services, "es");
        // The service under its Spanish name (the demo clinic's admin translated it).
        var service = services.QuerySelectorAll("a.choice").First(a => a.TextContent.Contains("Control de la presión arterial", StringComparison.Ordinal));

        var clinicians = await browser.GetPageAsync(service.GetAttribute("href")!, ct);
        Assert.Contains("¿Con quién desea la cita?", clinicians.MainText());
        Assert.Contains("Cualquiera: la primera hora libre", clinicians.MainText());
        Translations.AssertNoEnglishLeft(clinicians, "es");

        var times = await browser.GetPageAsync(clinicians.QuerySelectorAll("a.choice")[0].GetAttribute("href")!, ct);
        Assert.Contains("Elija una hora", times.MainText());
        // The clock is Monday 23 November 2026 in New York: days are headed the Spanish way.
        Assert.Contains("lunes, 23 de noviembre", times.MainText());
        Assert.Contains("Las horas se muestran en hora del Este.", times.MainText());
        Translations.AssertNoEnglishLeft(times, "es");

        var confirm = await browser.GetPageAsync(times.QuerySelectorAll("a.slot")[0].GetAttribute("href")!, ct);
        Assert.Contains("Revise y reserve", confirm.MainText());
        Assert.Contains("de noviembre de 2026", confirm.MainText());
        Translations.AssertNoEnglishLeft(confirm, "es");

        using var booked = await browser.SubmitAsync(confirm, confirm.QuerySelector("main form")!.GetAttribute("action")!, [], ct);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var done = await browser.GetPageAsync(booked.Headers.Location!.OriginalString, ct);
        Assert.Contains("Su cita está reservada", done.MainText());
        Assert.Contains("Añadir a mi calendario", done.MainText());
        Translations.AssertNoEnglishLeft(done, "es");

        var mail = Assert.Single(await factory.MessagesToAsync(email, ct));
        Assert.StartsWith("Su cita está reservada: Control de la presión arterial, lunes, 23 de noviembre de 2026", mail.Subject, StringComparison.Ordinal);
        Assert.True(mail.TextBody.Contains("Hola, Survey:", StringComparison.Ordinal), mail.TextBody);
        Assert.Contains("Para cambiarla o cancelarla", mail.TextBody);
        Assert.DoesNotContain("Your appointment", mail.TextBody);

        var list = await browser.GetPageAsync("/appointments", ct);
        Assert.Contains("Próximas", list.MainText());
        var details = await browser.GetPageAsync(list.QuerySelector("main a[href^='/appointments/']:not([href$='book']):not([href*='waitlist'])")!.GetAttribute("href")!, ct);
        Assert.Contains("Estado: Reservada", details.MainText());
        // Booked for two hours from now: inside the cut-off, so the page says (in Spanish) to call.
        Assert.Contains("así que ya no se puede cambiar por internet", details.MainText());
        Translations.AssertNoEnglishLeft(details, "es");
    }

    [Fact]
    public async Task ASpanishSpeakingPatientSeesFormErrorsInSpanishAndKeepsWhatTheyTyped()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, email) = await factory.CreatePatientAsync("espdet", ct, "es");
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);

        using var saved = await browser.SubmitAsync("/my/details", "/my/details", [new("Form.Phone", "call me"), new("Form.ContactByEmail", "false"), new("Form.ContactByPhone", "false")], ct);
        var page = await Browser.ReadAsync(saved, ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Escriba un teléfono al que podamos llamar, con su código de área, por ejemplo (555) 010-0123.", page.FieldError("Form.Phone"));
        Assert.Contains("Siempre le escribimos por correo sobre sus visitas", page.MainText());
        Assert.Equal("call me", page.InputValue("Form.Phone"));
        Assert.Contains("Teléfono móvil o fijo", page.MainText());
        Translations.AssertNoEnglishLeft(page, "es");
    }

    [Fact]
    public async Task ASpanishSpeakingPatientResetsTheirPasswordInSpanishFromTheEmailLink()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, email) = await factory.CreatePatientAsync("olvido", ct, "es");
        var browser = new Browser(factory.CreateBrowser());
        using (await browser.SubmitAsync("/account/forgotpassword", "/account/forgotpassword", [new("email", email)], ct))
        {
        }
        var mail = Assert.Single(await factory.MessagesToAsync(email, ct));
        Assert.StartsWith("Elija una contraseña nueva para", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("El enlace funciona durante 3 días y una sola vez.", mail.TextBody);
        var link = OutboxReader.LinkIn(mail);
        Assert.EndsWith("&culture=es", link, StringComparison.Ordinal);

        // A fresh browser (the phone the email was opened on): the link's language holds for the form posted after it.
        var phone = new Browser(factory.CreateBrowser());
        var page = await phone.GetPageAsync(link, ct);
        Assert.Contains("Elija su contraseña", page.MainText());
        using var mismatch = await phone.SubmitAsync(page, "/account/setpassword", [new("Password", "a long enough sentence"), new("ConfirmPassword", "something else entirely")], ct);
        var again = await Browser.ReadAsync(mismatch, ct);
        Assert.Equal("es", again.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Las dos contraseñas no coinciden.", again.MainText());
        Translations.AssertNoEnglishLeft(again, "es");
    }

    [Fact]
    public async Task AVisitorSwitchesLanguageInTheFooterAndItSticks()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());

        var home = await browser.GetPageAsync("/", ct);
        Assert.Equal("en", home.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Welcome", home.MainText());

        // From a page opened with ?culture=es (as an emailed link would), choose Chinese: the query is dropped on the way back.
        var login = await browser.GetPageAsync("/account/login?culture=es", ct);
        Assert.Contains("¿Olvidó su contraseña?", login.MainText());
        using var switched = await browser.SubmitAsync(login, "/home/language", [new("culture", "zh-Hans")], ct);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/account/login", switched.Headers.Location!.OriginalString);

        var chinese = await browser.GetPageAsync("/account/login", ct);
        Assert.Equal("zh-Hans", chinese.DocumentElement.GetAttribute("lang"));
        Assert.Contains("忘记密码了？", chinese.MainText());
        Assert.Equal("true", chinese.QuerySelector("form[action='/home/language'] button[value='zh-Hans']")!.GetAttribute("aria-current"));
        Translations.AssertNoEnglishLeft(chinese, "zh-Hans");
        var register = await browser.GetPageAsync("/account/register", ct);
        Assert.Contains("创建我的账户", register.MainText());
        // Someone registering while reading Chinese gets Chinese as the suggested language for pages and emails.
        Assert.Equal("zh-Hans", register.QuerySelector("select[name='PreferredLanguage'] option[selected]")?.GetAttribute("value"));
        Translations.AssertNoEnglishLeft(register, "zh-Hans");

        // A made-up language or an outside address changes nothing and goes nowhere else.
        using var odd = await browser.SubmitAsync(chinese, "/home/language", [new("culture", "xx"), new("returnUrl", "https://evil.example/")], ct);
        Assert.Equal("/", odd.Headers.Location!.OriginalString);
        Assert.Contains("欢迎", (await browser.GetPageAsync("/", ct)).MainText());
    }

    [Fact]
    public async Task ErrorPagesAndTheBrowserLanguageWorkForVisitors()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.CreateBrowser();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans-CN,zh;q=0.9");
        using var missing = await client.GetAsync("/no-such-page", ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var page = await Browser.ReadAsync(missing, ct);
        Assert.True(page.MainText().Contains("找不到页面", StringComparison.Ordinal), page.DocumentElement.GetAttribute("lang") + page.MainText());

        using var spanish = await factory.CreateBrowser().GetAsync("/no-such-page?culture=es", ct);
        Assert.Contains("Página no encontrada", (await Browser.ReadAsync(spanish, ct)).MainText());
    }

    [Fact]
    public async Task StaffPagesStayEnglishWhateverTheBrowserOrCookieSays()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        var login = await browser.GetPageAsync("/account/login", ct);
        using (await browser.SubmitAsync(login, "/home/language", [new("culture", "es")], ct))
        {
        }
        await browser.SignInAsync("frontdesk@demo.test", ct);
        var desk = await browser.GetPageAsync("/frontdesk?culture=es", ct);
        Assert.Equal("en", desk.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Sign out", desk.QuerySelector("header")!.TextContent);
    }
}
