using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Email;
using PatientExperience.Core.Patients;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Flow;

/// <summary>
/// "Running late": from the flow board's live state, each patient still to come who has not arrived is told once per
/// step of lateness (Flow:LateNoticeMinutes, 15), in their language and by their channel; the board shows who was told.
/// </summary>
public class LateNoticeTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private Task<List<LateNotice>> NoticesAsync(int appointmentId, CancellationToken ct) =>
        factory.WithDbAsync(db => db.LateNotices.AsNoTracking().Where(n => n.AppointmentId == appointmentId).OrderBy(n => n.Step).ToListAsync(ct));

    [Fact]
    public async Task PatientsStillToComeAreToldOncePerStepInTheirLanguageByTheirChannelAndArrivedOnesAreNot()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await FlowDay.PatientAsync(factory, "Late First", "en", VisitMessages.Email, ct);
        var waiting = await FlowDay.PatientAsync(factory, "Late Waiting", "en", VisitMessages.Email, ct);
        var second = await FlowDay.PatientAsync(factory, "Late Second", "en", VisitMessages.Email, ct);
        var third = await FlowDay.PatientAsync(factory, "Late Third", "en", VisitMessages.Email, ct);
        var spanish = await FlowDay.PatientAsync(factory, "Late Correo", "es", VisitMessages.Email, ct);
        var chinese = await FlowDay.PatientAsync(factory, "Late Duanxin", "zh-Hans", VisitMessages.Text, ct);
        var visits = await FlowDay.BookBackToBackAsync(factory, [first.Id, waiting.Id, second.Id, third.Id, spanish.Id, chinese.Id], ct);
        var start = visits[0].StartUtc;
        var length = visits[0].EndUtc - visits[0].StartUtc;

        // The first four patients came early; Sam calls the first in 20 minutes late. The next three wait.
        FlowDay.At(factory, start.AddMinutes(-10));
        foreach (var early in visits.Take(4))
            await FlowDay.AdvanceAsync(factory, early.Id, FlowStep.Arrived, ct);
        FlowDay.At(factory, start.AddMinutes(20));
        await FlowDay.AdvanceAsync(factory, visits[0].Id, FlowStep.InRoom, ct);

        // Sam is free at start + 20 + length: everyone after runs 20 minutes late. Two instances sweep at once.
        await Task.WhenAll(Task.Run(() => FlowDay.RunAsync<LateNotices>(factory, ct), ct), Task.Run(() => FlowDay.RunAsync<LateNotices>(factory, ct), ct));
        await FlowDay.RunAsync<LateNotices>(factory, ct);

        Assert.Empty(await NoticesAsync(visits[1].Id, ct)); // arrived: they can see for themselves
        Assert.DoesNotContain(await factory.MessagesToAsync(waiting.Email, ct), m => m.Subject == "Your clinician is running late");
        var toSpanish = Assert.Single(await NoticesAsync(visits[4].Id, ct));
        Assert.Equal((1, 20, true, false), (toSpanish.Step, toSpanish.LateMinutes, toSpanish.ByEmail, toSpanish.ByText));
        var mail = Assert.Single(await factory.MessagesToAsync(spanish.Email, ct), m => m.Subject == "Su profesional sanitario lleva retraso");
        Assert.Contains("Sam Okafor lleva unos 20 minutos de retraso. Su cita de las ", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(" puede empezar hacia las ", mail.TextBody, StringComparison.Ordinal);

        var toChinese = Assert.Single(await NoticesAsync(visits[5].Id, ct));
        Assert.True(toChinese.ByText);
        Assert.False(toChinese.ByEmail);
        var text = Assert.Single(await factory.MessagesToAsync(chinese.Phone, ct), m => m.TextBody.Contains("晚了", StringComparison.Ordinal));
        Assert.Equal(OutboxChannel.Text, text.Channel);
        Assert.Contains("大约晚了 20 分钟", text.TextBody, StringComparison.Ordinal);
        Assert.Empty(await factory.MessagesToAsync(chinese.Email, ct)); // text only, as they chose

        // The flow board shows who was told, and of what.
        var desk = await FlowDay.SignedInAsync(factory, "frontdesk@demo.test", ct);
        var board = await desk.GetPageAsync("/flow", ct);
        var expected = board.QuerySelectorAll("#expected-list li");
        var told = expected.Single(li => li.TextContent.Contains("Ana Late Correo", StringComparison.Ordinal)).QuerySelector("[data-told-late]");
        Assert.Equal($"Told: about 20 min late ({NewYorkTime.Time(start.AddMinutes(20))})", told!.TextContent.Trim());

        // Five minutes on, still the same step: nobody is told again.
        FlowDay.At(factory, start.AddMinutes(25));
        await FlowDay.RunAsync<LateNotices>(factory, ct);
        Assert.Single(await NoticesAsync(visits[4].Id, ct));
        Assert.Single(await NoticesAsync(visits[5].Id, ct));

        // Sam's visit overruns by 15 minutes: the delay reaches the next step (35 minutes), and they are told once more.
        FlowDay.At(factory, start.AddMinutes(35) + length);
        Assert.True(visits[4].StartUtc > start.AddMinutes(35) + length, "the Spanish patient's visit is still to come");
        await Task.WhenAll(Task.Run(() => FlowDay.RunAsync<LateNotices>(factory, ct), ct), Task.Run(() => FlowDay.RunAsync<LateNotices>(factory, ct), ct));
        var steps = await NoticesAsync(visits[4].Id, ct);
        Assert.Equal([1, 2], steps.Select(n => n.Step));
        Assert.Equal(35, steps[1].LateMinutes);
        Assert.Equal(2, (await factory.MessagesToAsync(spanish.Email, ct)).Count(m => m.Subject == "Su profesional sanitario lleva retraso"));
        Assert.Equal(2, (await factory.MessagesToAsync(chinese.Phone, ct)).Count(m => m.TextBody.Contains("晚了", StringComparison.Ordinal)));
        Assert.Empty(await NoticesAsync(visits[1].Id, ct));
    }

}
