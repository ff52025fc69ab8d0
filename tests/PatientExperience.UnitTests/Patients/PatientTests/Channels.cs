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
}
