using PatientExperience.Core.Auditing;

namespace PatientExperience.Core.Patients;

/// <summary>Staff look-ups of patients. Every look at a record and every search is audited.</summary>
public sealed class PatientDirectory(IAppDbContext db, AuditTrail audit)
{
    public const int MaxResults = 50;
    public const int MinQueryLength = 2;

    /// <summary>
    /// One box for what a caller tells you: part of a name, a date of birth (yyyy-mm-dd or mm/dd/yyyy),
    /// a phone number (any punctuation) or a reference number (P-000123).
    /// </summary>
    public async Task<IReadOnlyList<PatientSearchHit>> SearchAsync(string? query, CancellationToken cancellationToken)
    {
        var q = query?.Trim() ?? string.Empty;
        if (q.Length < MinQueryLength)
            return [];

        var patients = db.Patients.AsNoTracking();
        IQueryable<Patient> matches;
        var digits = ValidationExtensions.PhoneDigits(q);
        if (TryParseDate(q, out var date))
        {
            matches = patients.Where(p => p.DateOfBirth == date);
        }
        else if (q.StartsWith("P-", StringComparison.OrdinalIgnoreCase))
        {
            var reference = q.ToUpperInvariant();
            matches = patients.Where(p => p.ReferenceNumber == reference);
        }
        else if (digits.Length >= 4 && digits.Length * 2 >= q.Count(c => !char.IsWhiteSpace(c)))
        {
            matches = patients.Where(p => p.PhoneDigits.Contains(digits));
        }
        else
        {
            // Every word must match the start of the first or last name: "ann smi" finds Anna Smith.
            matches = patients;
            foreach (var word in q.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4))
            {
                var w = word.ToLower();
                matches = matches.Where(p => p.FirstName.ToLower().StartsWith(w) || p.LastName.ToLower().StartsWith(w));
            }
        }

        var hits = await matches
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .Take(MaxResults)
            .Select(p => new PatientSearchHit(p.Id, p.ReferenceNumber, p.FirstName, p.LastName, p.DateOfBirth, p.Phone))
            .ToListAsync(cancellationToken);

        await audit.RecordAsync(AuditAction.Search, nameof(Patient), null, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return hits;
    }

    /// <summary>One patient, for a staff page that audits the look itself (<see cref="AuditTrail.RecordAndSaveAsync"/>).</summary>
    public Task<Patient?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public Task<bool> ExistsAsync(int id, CancellationToken cancellationToken) => db.Patients.AnyAsync(p => p.Id == id, cancellationToken);

    /// <summary>The patient whose visit this is, or none.</summary>
    public Task<Patient?> OfAppointmentAsync(int appointmentId, CancellationToken cancellationToken) =>
        db.Patients.AsNoTracking().FirstOrDefaultAsync(p => db.Appointments.Any(a => a.Id == appointmentId && a.PatientId == p.Id), cancellationToken);

    public async Task<PatientRecord?> GetRecordAsync(int id, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null)
            return null;

        var timeline = await db.Interactions.AsNoTracking()
            .Where(i => i.PatientId == id)
            .OrderByDescending(i => i.OccurredAtUtc).ThenByDescending(i => i.Id)
            .Take(200)
            .Select(i => new TimelineItem(i.OccurredAtUtc, i.Channel, i.Kind, i.Summary,
                i.StaffMember == null ? null : i.StaffMember.FirstName + " " + i.StaffMember.LastName, i.Template, i.Arguments))
            .ToListAsync(cancellationToken);

        await audit.RecordAsync(AuditAction.View, nameof(Patient), id.ToString(CultureInfo.InvariantCulture), id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new PatientRecord(patient, timeline, patient.UserId is not null);
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "M/d/yyyy", "MM/dd/yyyy", "d.M.yyyy"];

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && SaneDates.Contains(date);
}
