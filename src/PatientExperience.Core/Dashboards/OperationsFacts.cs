namespace PatientExperience.Core.Dashboards;

/// <summary>
/// What <see cref="OperationsSection"/> fetches for one filter: the appointment rollup rows of the period (each falls in
/// one trend bucket, <see cref="RollupPlan.ForTrend"/>) and of the previous period (<see cref="RollupPlan.ForTotals"/>).
/// <see cref="OperationsTables"/> shapes them into the section, with no database.
/// </summary>
public sealed record OperationsFacts(IReadOnlyList<OperationsFacts.Row> Current, IReadOnlyList<OperationsFacts.Row> Previous)
{
    /// <summary>One <see cref="AppointmentRollup"/> row's counts.</summary>
    public sealed record Row(DateOnly Start, int DepartmentId, int ClinicianId, int Completed, int NoShows, byte[] WaitHistogram, int PhoneCheckIns = 0, int ToldLate = 0,
        int TextReminders = 0, int ConfirmedByText = 0);
}
