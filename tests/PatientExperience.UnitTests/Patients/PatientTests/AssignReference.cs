using PatientExperience.UnitTests.Infrastructure;

namespace PatientExperience.UnitTests.Patients.PatientTests;

public class AssignReference
{
    [Fact]
    public void RefusesBeforeThePatientIsSaved()
    {
        var patient = Patients.Ana();

        Assert.Throws<InvalidOperationException>(patient.AssignReference);
        Assert.Null(patient.ReferenceNumber);
    }

    [Fact]
    public void GivesSixDigitReferenceFromId()
    {
        var patient = Patients.Ana().With("Id", 42);

        patient.AssignReference();

        Assert.Equal("P-000042", patient.ReferenceNumber);
    }

    [Fact]
    public void KeepsTheFirstReferenceOnceGiven()
    {
        var patient = Patients.Ana().With("Id", 42);
        patient.AssignReference();

        patient.With("Id", 43).AssignReference();

        Assert.Equal("P-000042", patient.ReferenceNumber);
    }
}
