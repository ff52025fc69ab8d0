namespace PatientExperience.UnitTests.Patients.PatientTests;

public class Constructor
{
    [Fact]
    public void ContactsByEveryChannelWeHaveWhenThereIsAnEmail()
    {
        var patient = Patients.Ana();

        Assert.True(patient.ContactByEmail);
        Assert.False(patient.ContactBySms); // email until they choose text on /my/details
        Assert.True(patient.ContactByPhone);
    }

    [Fact]
    public void DoesNotContactByEmailWithoutAnAddress() => Assert.False(Patients.Ana(email: " ").ContactByEmail);
}
