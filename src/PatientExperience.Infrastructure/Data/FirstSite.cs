using PatientExperience.Core.Sites;

namespace PatientExperience.Infrastructure.Data;

/// <summary>
/// At start-up, under the start-up lock: the group's first site gets today's <c>Clinic:*</c> settings (name, address,
/// phone in E.164, time zone). The Sites migration makes that row (every existing department moves into it) but cannot
/// read settings, so it leaves the time zone empty; this fills it once. A database with no site at all gets one too.
/// Idempotent: a site with a time zone is never touched again, so an admin's later edits stay.
/// </summary>
public static partial class FirstSite
{
    public static async Task EnsureAsync(AppDbContext db, ClinicOptions clinic, PhoneFormat phones, ILogger logger, CancellationToken cancellationToken)
    {
        var site = await db.Sites.AsTracking().Where(s => s.TimeZone == "").OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (site is null)
        {
            if (await db.Sites.AnyAsync(cancellationToken))
                return;
            site = new Site(clinic.Name, clinic.TimeZone);
            db.Sites.Add(site);
        }
        site.Update(clinic.Name, clinic.Address, phones.ToE164(clinic.Phone) ?? clinic.Phone, site.Directions, site.WhatToBring, clinic.TimeZone);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        LogFilled(logger, clinic.TimeZone);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The first site takes the Clinic settings (time zone {TimeZone})")]
    private static partial void LogFilled(ILogger logger, string timeZone);
}
