namespace PatientExperience.Infrastructure.Data;

/// <summary>
/// At start-up, under the start-up lock: patients' phone numbers stored as typed (before issue 19) are rewritten in
/// E.164. Idempotent: a number already in E.164 is never read again. A number that cannot be read is kept exactly as
/// it is (nothing is lost) and shows to staff as "could not be read" until someone corrects it; it gets no texts.
/// A start-up step, not a migration, because reading numbers needs libphonenumber and the clinic's region setting.
/// </summary>
public static partial class PhoneNumberNormalizer
{
    public static async Task<(int Converted, int Unreadable)> RunAsync(AppDbContext db, PhoneFormat phones, ILogger logger, CancellationToken cancellationToken)
    {
        // Anything not yet E.164 looks like one of these; E.164 is "+" and digits only.
        // Only the id and the number are read: unreadable numbers are read again at each start, so this stays cheap.
        var candidates = await db.Patients.AsNoTracking()
            .Where(p => !EF.Functions.Like(p.Phone, "+%") || EF.Functions.Like(p.Phone, "% %") || EF.Functions.Like(p.Phone, "%-%")
                        || EF.Functions.Like(p.Phone, "%(%") || EF.Functions.Like(p.Phone, "%.%"))
            .Select(p => new { p.Id, p.Phone })
            .ToListAsync(cancellationToken);
        var fixes = new Dictionary<int, string>();
        var unreadable = 0;
        foreach (var row in candidates.Where(c => !PhoneFormat.IsE164(c.Phone)))
        {
            if (phones.ToE164(row.Phone) is { } e164)
                fixes[row.Id] = e164;
            else
                unreadable++;
        }
        foreach (var batch in fixes.Keys.Chunk(500))
        {
            var patients = await db.Patients.AsTracking().Where(p => batch.Contains(p.Id)).ToListAsync(cancellationToken);
            foreach (var patient in patients)
                patient.NormalizePhone(fixes[patient.Id]);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        var converted = fixes.Count;
        if (converted + unreadable > 0)
            LogNormalized(logger, converted, unreadable);
        return (converted, unreadable);
    }

    // Counts only: never a number or a name.
    [LoggerMessage(Level = LogLevel.Information, Message = "Phone numbers: {Converted} rewritten in E.164, {Unreadable} could not be read and were kept as they are")]
    private static partial void LogNormalized(ILogger logger, int converted, int unreadable);
}
