namespace PatientExperience.IntegrationTests.Surveys;

/// <summary>Delay and quiet hours: each class has its own portal and clock, because the tests move it forward.</summary>
public class SurveyDelayTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task InvitationWaitsForTheDelayAndNeverGoesOutInQuietHours()
    {
        var ct = TestContext.Current.CancellationToken;
        // A morning visit: sent two hours after it is completed.
        var (morningPatient, morningEmail) = await factory.CreatePatientAsync("delay", ct);
        var start = factory.WeekdayUtc(1, 10);
        var completed = start.AddMinutes(20);
        await factory.CompletedVisitAsync(morningPatient, start, completed, ct);
        factory.SetNow(completed.AddHours(2).AddMinutes(-1));
        await factory.RunSurveyJobAsync(ct);
        Assert.Empty(await factory.SurveyEmailsAsync(morningEmail, ct));
        factory.SetNow(completed.AddHours(2).AddMinutes(1));
        await factory.RunSurveyJobAsync(ct);
        var email = Assert.Single(await factory.SurveyEmailsAsync(morningEmail, ct));
        Assert.Equal("How was your visit?", email.Subject);
        await factory.RunSurveyJobAsync(ct); // a second round sends nothing more
        Assert.Single(await factory.SurveyEmailsAsync(morningEmail, ct));

        // A visit completed at 19:30: two hours later is 21:30, inside quiet hours, so it waits for 08:00.
        var (eveningPatient, eveningEmail) = await factory.CreatePatientAsync("quiet", ct);
        var eveningStart = factory.WeekdayUtc(1, 16);
        var eveningLocalDay = DateOnly.FromDateTime(SurveyFactory.Local(eveningStart));
        var lateCompletion = TimeZoneInfo.ConvertTimeToUtc(eveningLocalDay.ToDateTime(new TimeOnly(19, 30)), SurveyFactory.NewYork);
        var appointmentId = await factory.CompletedVisitAsync(eveningPatient, eveningStart, lateCompletion, ct);
        var invitation = (await factory.InvitationForAsync(appointmentId, ct))!;
        var nextMorning = TimeZoneInfo.ConvertTimeToUtc(eveningLocalDay.AddDays(1).ToDateTime(new TimeOnly(8, 0)), SurveyFactory.NewYork);
        Assert.Equal(nextMorning, invitation.SendAfterUtc);

        factory.SetNow(lateCompletion.AddHours(2).AddMinutes(5)); // 21:35
        await factory.RunSurveyJobAsync(ct);
        factory.SetNow(nextMorning.AddMinutes(-1)); // 07:59
        await factory.RunSurveyJobAsync(ct);
        Assert.Empty(await factory.SurveyEmailsAsync(eveningEmail, ct));
        factory.SetNow(nextMorning.AddMinutes(1));
        await factory.RunSurveyJobAsync(ct);
        Assert.Single(await factory.SurveyEmailsAsync(eveningEmail, ct));
    }
}
