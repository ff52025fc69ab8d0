using PatientExperience.Core.Patients;

namespace PatientExperience.UnitTests.Patients.PatientTests;

/// <summary>Where visit messages go: what the patient chose, as far as their number and email allow; never nowhere.</summary>
public class Channels
{
    [Theory]
    [InlineData(VisitMessages.Email, true, false)]
    [InlineData(VisitMessages.Text, false, true)]
    [InlineData(VisitMessages.Both, true, true)]
    public void FollowTheChoiceWhenTheNumberCanGetTexts(VisitMessages choice, bool email, bool text)
    {
        var patient = Patients.Ana();
        patient.SetVisitMessages(choice, phoneCanText: true);
        Assert.Equal(choice, patient.ChosenVisitMessages);
        Assert.Equal((email, text), patient.Channels(phoneCanText: true));
    }

    [Fact]
    public void TextIsNotStoredForANumberThatCannotGetTexts()
    {
        var patient = Patients.Ana();
        patient.SetVisitMessages(VisitMessages.Text, phoneCanText: false);
        Assert.Equal(VisitMessages.Email, patient.ChosenVisitMessages);
        Assert.Equal((true, false), patient.Channels(phoneCanText: false));
    }

    [Fact]
    public void TextOnlyFallsBackToEmailWhenTheNumberStopsTakingTexts()
    {
        var patient = Patients.Ana();
        patient.SetVisitMessages(VisitMessages.Text, phoneCanText: true);
        Assert.Equal((true, false), patient.Channels(phoneCanText: false));
    }

    [Fact]
    public void APatientWithoutEmailWhoChoseTextGetsTexts()
    {
        var patient = Patients.Ana(email: null);
        patient.SetVisitMessages(VisitMessages.Text, phoneCanText: true);
        Assert.Equal((false, true), patient.Channels(phoneCanText: true));
    }

    [Fact]
    public void EachKindFollowsItsOwnChoiceAndTheSingleChoiceSetsThemAll()
    {
        var patient = Patients.Ana();
        patient.SetVisitMessages(VisitMessages.Both, phoneCanText: true);
        Assert.Equal(VisitMessages.Both, patient.Chosen(MessageKind.Reminder));
        patient.SetMessages(MessageKind.Reminder, VisitMessages.Text, phoneCanText: true);
        Assert.Equal((true, true), patient.Channels(MessageKind.Visit, phoneCanText: true));
        Assert.Equal((false, true), patient.Channels(MessageKind.Reminder, phoneCanText: true));
    }

    [Fact]
    public void StopEndsEveryTextUntilStartAndEmailTakesOver()
    {
        var patient = Patients.Ana();
        patient.SetVisitMessages(VisitMessages.Text, phoneCanText: true);
        patient.StopTexts(new DateTime(2026, 11, 23, 13, 0, 0, DateTimeKind.Utc));
        Assert.Equal((true, false), patient.Channels(MessageKind.Visit, phoneCanText: true));
        Assert.Equal((true, false), patient.Channels(MessageKind.Reminder, phoneCanText: true));
        patient.StartTexts();
        Assert.Equal((false, true), patient.Channels(MessageKind.Reminder, phoneCanText: true));
    }
}
