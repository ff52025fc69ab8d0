namespace PatientExperience.Core.Appointments;

/// <summary>The one way time is given back: cells go in the database, and any copies this unit of work still tracks go with them.</summary>
public static class TimeCellRelease
{
    /// <summary>Frees an appointment's time (cancelled, moved, did not come).</summary>
    public static Task ReleaseAppointmentCellsAsync(this IAppDbContext db, int appointmentId, CancellationToken cancellationToken) =>
        ReleaseAsync(db, c => c.AppointmentId == appointmentId, cancellationToken);

    /// <summary>Frees the time a waitlist hold kept.</summary>
    public static Task ReleaseHoldCellsAsync(this IAppDbContext db, int holdId, CancellationToken cancellationToken) =>
        ReleaseAsync(db, c => c.HoldId == holdId, cancellationToken);

    private static async Task ReleaseAsync(IAppDbContext db, System.Linq.Expressions.Expression<Func<TimeCell, bool>> which, CancellationToken cancellationToken)
    {
        await db.TimeCells.Where(which).ExecuteDeleteAsync(cancellationToken);
        // ExecuteDelete bypasses the change tracker: a cell this context still tracks would clash with the next one for the same minutes.
        var gone = which.Compile();
        foreach (var cell in db.Tracked<TimeCell>().Where(gone))
            db.Detach(cell);
    }
}
