namespace PatientExperience.UnitTests.Patients.PatientTests;

public class SetContactPreferences
{
    [Fact]
    public void CannotTurnOnEmailWithoutAnEmailAddress()
    {
        var patient = Patients.Ana(email: null);

        patient.SetContactPreferences(byEmail: true, byPhone: true);

        Assert.False(patient.ContactByEmail);
    }

    [Fact]
    public void TurnsOnEmailWhenThereIsAnAddress()
    {
        var patient = Patients.Ana();
        patient.SetContactPreferences(byEmail: false, byPhone: true);

        patient.SetContactPreferences(byEmail: true, byPhone: true);

        Assert.True(patient.ContactByEmail);
    }

    [Fact]
    public void StoresEachChannelAsChosen()
    {
        var patient = Patients.Ana();

        patient.SetContactPreferences(byEmail: true, byPhone: false);

        Assert.True(patient.ContactByEmail);
        Assert.False(patient.ContactByPhone);
    }
}
