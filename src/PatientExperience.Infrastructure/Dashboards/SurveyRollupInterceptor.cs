using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using PatientExperience.Core.Common;
using PatientExperience.Core.Dashboards;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Infrastructure.Dashboards;

/// <summary>
/// Keeps the survey rollups current without the survey code knowing: notes the visits of invitations and responses being
/// added, and once they are saved recomputes those visits' rollup rows on the same connection, inside the same
/// transaction when the caller has one (a survey answer is then counted exactly when it is committed).
/// Only async saves are followed (the app saves asynchronously everywhere); the rebuild covers anything else.
/// </summary>
public sealed class SurveyRollupInterceptor(ClinicClock clock, IRollupLock rollupLock, ILoggerFactory loggers)
    : RollupRefreshInterceptor<(DateTime VisitStartUtc, int ClinicianId, int ServiceId)>
{
    protected override Task RefreshAsync(IAppDbContext db, IReadOnlyCollection<(DateTime VisitStartUtc, int ClinicianId, int ServiceId)> cells, CancellationToken cancellationToken) =>
        new SurveyRollups(db, clock, rollupLock, loggers.CreateLogger<SurveyRollups>()).RefreshAsync(cells, cancellationToken);

    protected override void Collect(DbContext context, List<(DateTime VisitStartUtc, int ClinicianId, int ServiceId)> cells)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cells);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added)
                continue;
            switch (entry.Entity)
            {
                case SurveyInvitation invitation:
                    cells.Add((invitation.VisitStartUtc, invitation.ClinicianId, invitation.ServiceId));
                    break;
                case SurveyResponse response:
                    cells.Add((response.VisitStartUtc, response.ClinicianId, response.ServiceId));
                    break;
            }
        }
    }
}
