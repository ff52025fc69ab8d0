using PatientExperience.Core.Patients;

namespace PatientExperience.UnitTests.Patients.PatientTests;

internal static class Patients
{
    public static Patient Ana(string? email = "ana.lopez@example.com") =>
        new("Ana", "Lopez", new DateOnly(1985, 4, 12), "555 010 0123", email, "es");
}
