using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Departments;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Sms;
using PatientExperience.Core.Surveys;
using PatientExperience.Infrastructure.Identity;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.Web.Email;

namespace PatientExperience.IntegrationTests.Sms;

/// <summary>The portal as a clinic would run it: its public address a real, long-ish host name.</summary>
public sealed class LongNamesPortal : PortalFactory
{
    public const string PublicBaseUrl = "https://portal.riversidehealthclinic.org";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Clinic:PublicBaseUrl"] = PublicBaseUrl,
    };

    protected override bool WaitsForRollups => false;
}

/// <summary>
/// Every text the portal sends, in every language, with long real-world values (a long clinician's name, a long site
/// and department, September's long date, a real host name), fits two SMS and keeps its link (issue 19 item 3).
/// Chinese goes as UCS-2: 134 characters in two parts, so the links in texts are short (/o/, /c/, /s/ with a
/// 16-character token) and carry no ?culture=.
/// </summary>
public class TextLengthTests(LongNamesPortal portal) : IClassFixture<LongNamesPortal>
{
    private const string LongClinician = "Alexandra Montgomery-Fitzgerald";
    private const string ShortToken = "abcdefghijkmnpqr";

    /// <summary>Wednesday 30 September 2026, 11:45 in New York: the longest month and a long weekday in Spanish.</summary>
    private static readonly DateTime Start = new(2026, 9, 30, 15, 45, 0, DateTimeKind.Utc);

    private static readonly VisitPlace Place = new("Cardiology and Vascular Medicine", "4100 North Riverside Drive, Suite 2200", null, null,
        "Riverside Northwest Outpatient Center", "+15550100199", "America/New_York");

    public static TheoryData<string> Languages => ["en", "es", "zh-Hans"];

    private static AppointmentNotice Notice(string language, bool mayCancel = true)
    {
        var slot = new Slot(Start, Start.AddMinutes(30), Start, Start.AddMinutes(30), new DateTime(2026, 9, 30, 11, 45, 0));
        return new AppointmentNotice(new Appointment(1, 1, 1, slot, InteractionChannel.Web, TimeSpan.FromHours(24)), "Maximiliana", null, false, language,
            "Echocardiogram", LongClinician, Place.Department, Place, "+15550109999", mayCancel);
    }

    private readonly List<string> _tooLong = [];

    /// <summary>Notes a text that does not fit (all are reported at once).</summary>
    private void Fits(string what, string? text)
    {
        if (text is null)
            _tooLong.Add($"{what}: no wording fits two SMS.");
        else if (SmsSegments.Count(text) > SmsSegments.MaxParts)
            _tooLong.Add($"{what} takes {SmsSegments.Count(text)} SMS ({text.Length} characters): {text}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task EveryTextFitsTwoSmsInEveryLanguage(string language)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var appointments = (AppointmentNotifier)scope.ServiceProvider.GetRequiredService<IAppointmentNotifier>();
        var surveys = scope.ServiceProvider.GetRequiredService<ISurveyNotifier>();
        var complaints = (ComplaintNotifier)scope.ServiceProvider.GetRequiredService<IComplaintNotifier>();
        var links = scope.ServiceProvider.GetRequiredService<IAccountLinks>();

        Fits("booked", appointments.TextFor(Notice(language), "{0}: your appointment is booked for {1} with {2} at {3}.", cancelled: false));
        Fits("moved", appointments.TextFor(Notice(language), "{0}: your appointment has moved to {1} with {2} at {3}.", cancelled: false));
        Fits("cancelled", appointments.TextFor(Notice(language), "{0}: your appointment on {1} with {2} at {3} is cancelled.", cancelled: true));
        var reminder = "{0}: a reminder of your appointment on {1} with {2} at {3}.";
        var withCancel = appointments.TextFor(Notice(language), reminder, cancelled: false, AppointmentNotifier.ReplyInvite);
        Fits("reminder with C/R/X", withCancel);
        Assert.Contains("X", withCancel, StringComparison.Ordinal);
        Fits("reminder with C/R", appointments.TextFor(Notice(language, mayCancel: false), reminder, cancelled: false, AppointmentNotifier.ReplyInviteNoCancel));

        var offer = appointments.WaitlistTextFor(new WaitlistOfferNotice("Maximiliana", "max@example.com", language, "Echocardiogram", LongClinician,
            Place.Department, Start, Start.AddHours(-20), ShortToken, 1, "+15550109999", false, Place.TimeZone), links.TextOffer(ShortToken));
        Fits("waitlist offer", offer);
        Assert.EndsWith($"{LongNamesPortal.PublicBaseUrl}/o/{ShortToken}", offer ?? "", StringComparison.Ordinal);

        var survey = surveys.InvitationText(new SurveyTextNotice(1, "+15550109999", language, Start, Start.AddDays(14), ShortToken));
        Fits("survey link", survey);
        Assert.EndsWith($"{LongNamesPortal.PublicBaseUrl}/s/{ShortToken}", survey ?? "", StringComparison.Ordinal);

        Fits("complaint acknowledgement", complaints.AcknowledgementText(new ComplaintNotice(1, "CMP-2026-000123", "Maximiliana", null, language, Start,
            Start.AddDays(28), false, null, "Communication", ComplaintSeverity.Medium, Place.Department) { TextTo = "+15550109999" }));

        var checkIn = appointments.CheckInTextFor(Notice(language), ShortToken);
        Fits("check-in link", checkIn);
        Assert.EndsWith($"{LongNamesPortal.PublicBaseUrl}/c/{ShortToken}", checkIn, StringComparison.Ordinal);

        Fits("running late", appointments.RunningLateTextFor(Notice(language), 45, Start.AddMinutes(45)));

        foreach (var reply in Enum.GetValues<TextReply>())
        {
            foreach (var mayCancel in new[] { true, false })
            {
                Fits($"answer {reply}", appointments.TextReplyFor(new TextReplyNotice(1, "+15550109999", language, reply, Start, mayCancel, Place)));
                if (reply is not (TextReply.Confirmed or TextReply.CallBack or TextReply.TooLateToCancel))
                    Fits($"answer {reply} without a visit", appointments.TextReplyFor(new TextReplyNotice(1, "+15550109999", language, reply, null, mayCancel, null)));
            }
        }
        Assert.True(_tooLong.Count == 0, string.Join(Environment.NewLine, _tooLong));
    }
}
