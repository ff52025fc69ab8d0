using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientExperience.Core.Common;

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
        var candidates = await db.Patients.AsTracking()
            .Where(p => !EF.Functions.Like(p.Phone, "+%") || EF.Functions.Like(p.Phone, "% %") || EF.Functions.Like(p.Phone, "%-%")
                        || EF.Functions.Like(p.Phone, "%(%") || EF.Functions.Like(p.Phone, "%.%"))
            .ToListAsync(cancellationToken);
        var converted = 0;
        var unreadable = 0;
        foreach (var patient in candidates)
        {
            if (PhoneFormat.IsE164(patient.Phone))
                continue;
            if (phones.ToE164(patient.Phone) is { } e164)
            {
                patient.NormalizePhone(e164);
                converted++;
            }
            else
            {
                unreadable++;
            }
        }
        if (converted > 0)
            await db.SaveChangesAsync(cancellationToken);
        if (converted + unreadable > 0)
            LogNormalized(logger, converted, unreadable);
        return (converted, unreadable);
    }

    // Counts only: never a number or a name.
    [LoggerMessage(Level = LogLevel.Information, Message = "Phone numbers: {Converted} rewritten in E.164, {Unreadable} could not be read and were kept as they are")]
    private static partial void LogNormalized(ILogger logger, int converted, int unreadable);
}
