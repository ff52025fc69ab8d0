namespace PatientExperience.UnitTests.Patients.PatientTests;

public class Constructor
{
    [Fact]
    public void ContactsByEveryChannelWhenThereIsAnEmail()
    {
        var patient = Patients.Ana();

        Assert.True(patient.ContactByEmail);
        Assert.True(patient.ContactBySms);
        Assert.True(patient.ContactByPhone);
    }

    [Fact]
    public void DoesNotContactByEmailWithoutAnAddress() => Assert.False(Patients.Ana(email: " ").ContactByEmail);
}
