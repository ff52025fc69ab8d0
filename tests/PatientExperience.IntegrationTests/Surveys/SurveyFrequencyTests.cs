using Microsoft.EntityFrameworkCore;

namespace PatientExperience.IntegrationTests.Surveys;

public class SurveyFrequencyTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task AtMostOneInvitationPerPatientIn30DaysAndNoneForANoShow()
    {
        var ct = TestContext.Current.CancellationToken;
        var (patientId, _) = await factory.CreatePatientAsync("cap", ct);
        var first = await factory.CompletedVisitAsync(patientId, factory.WeekdayUtc(1, 10), factory.WeekdayUtc(1, 10).AddMinutes(20), ct);
        Assert.NotNull(await factory.InvitationForAsync(first, ct));

        var tenDaysLater = factory.WeekdayUtc(10, 10);
        var second = await factory.CompletedVisitAsync(patientId, tenDaysLater, tenDaysLater.AddMinutes(20), ct);
        Assert.Null(await factory.InvitationForAsync(second, ct));

        var monthLater = factory.WeekdayUtc(22, 10); // more than 30 days after the first
        var third = await factory.CompletedVisitAsync(patientId, monthLater, monthLater.AddMinutes(20), ct);
        Assert.NotNull(await factory.InvitationForAsync(third, ct));

        var (otherId, _) = await factory.CreatePatientAsync("noshow", ct);
        var noShow = await factory.CompletedVisitAsync(otherId, factory.WeekdayUtc(1, 11), default, ct, noShow: true);
        Assert.Null(await factory.InvitationForAsync(noShow, ct));
        Assert.Equal(2, await factory.WithDbAsync(db => db.SurveyInvitations.CountAsync(i => i.PatientId == patientId || i.PatientId == otherId, ct)));
    }
}
