namespace PatientExperience.Core.Patients;

/// <summary>How a patient wants one kind of message (<see cref="MessageKind"/>).</summary>
public enum VisitMessages
{
    Email = 0,
    Text = 1,
    Both = 2,
}

