using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Surveys;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Surveys;

/// <summary>The NHS Friends and Family Test: answered in Chinese and English on screens, and its monthly export.</summary>
public class FriendsFamilySurveyTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task AnsweredInChineseAndEnglishAndCountedInTheMonthlyExport()
    {
        var ct = TestContext.Current.CancellationToken;
        await Screens.StartFromTemplateAsync(factory, "Cardiology FFT", SurveyTemplates.FriendsFamilyId, "Cardiology", ct);

        // In Chinese: two screens, the question and its follow-up.
        var (_, _, zhAppointment, zhLink) = await factory.InvitedAsync("fftzh", factory.WeekdayUtc(1, 9), ct, "zh-Hans");
        var browser = new Browser(factory.CreateBrowser());
        var one = await browser.GetPageAsync(zhLink, ct);
        Assert.Equal("总的来说，您对我们服务的体验如何？", Screens.Legends(one).Single());
        Assert.StartsWith("第 1 步，共 2 步", Screens.Step(one), StringComparison.Ordinal);
        foreach (var label in new[] { "非常好", "好", "一般", "差", "非常差", "不知道" })
            Assert.Contains(label, one.MainText());
        var two = await Screens.GoAsync(browser, one, zhLink, "next", ct, ("fft", "5"));
        Assert.Contains("能告诉我们您为什么这样回答吗？", two.MainText());
        using (var sent = await browser.SubmitAsync(two, zhLink, [new("q_fft_why", "护士很耐心。"), new("nav", "send")], ct))
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var zh = await factory.WithDbAsync(db => db.SurveyResponses.AsNoTracking().Include(r => r.Answers).SingleAsync(r => r.AppointmentId == zhAppointment, ct));
        Assert.Equal(5, zh.Answers.Single(a => a.QuestionKey == "fft").Value);
        Assert.Equal("护士很耐心。", zh.Comment);

        // In English: "Don't know" is an answer (stored, counted), and "Poor".
        foreach (var (prefix, hour, value) in new[] { ("fftdk", 10, "0"), ("fftpoor", 11, "2") })
        {
            var (_, _, _, link) = await factory.InvitedAsync(prefix, factory.WeekdayUtc(1, hour), ct);
            var en = new Browser(factory.CreateBrowser());
            var first = await en.GetPageAsync(link, ct);
            Assert.Equal("Overall, how was your experience of our service?", Screens.Legends(first).Single());
            var last = await Screens.GoAsync(en, first, link, "next", ct, ("fft", value));
            using var sent = await en.SubmitAsync(last, link, [new("nav", "send")], ct);
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var index = await manager.GetPageAsync("/questionnaires", ct);
        Assert.NotNull(index.QuerySelector("a[href='/questionnaires/fft.csv']"));
        using var csv = await manager.Client.GetAsync("/questionnaires/fft.csv", ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Month,Department,Very good,Good,Neither good nor poor,Poor,Very poor,Don't know,Total responses,Percentage positive,Percentage negative", lines[0]);
        var month = SurveyFactory.Local(factory.Time.GetUtcNow().UtcDateTime).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        // 3 responses: 1 very good, 1 poor, 1 don't know. Positive 1/3 = 33%, negative 1/3 = 33% (don't know is in the total).
        Assert.Equal($"{month},Cardiology,1,0,0,1,0,1,3,33,33", Assert.Single(lines[1..]));
    }
}
