using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Auditing;
using PatientExperience.Core.Departments;
using PatientExperience.Core.Email;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Staff;
using PatientExperience.Infrastructure.Identity;

namespace PatientExperience.Infrastructure.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IAppDbContext, IDataProtectionKeyContext
{
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Core.Sites.Site> Sites => Set<Core.Sites.Site>();
    public DbSet<Core.Sites.SiteOpeningHours> SiteOpeningHours => Set<Core.Sites.SiteOpeningHours>();
    public DbSet<ClinicService> ClinicServices => Set<ClinicService>();
    public DbSet<Interaction> Interactions => Set<Interaction>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<WorkingHours> WorkingHours => Set<WorkingHours>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<TimeCell> TimeCells => Set<TimeCell>();
    public DbSet<TimeOff> TimeOff => Set<TimeOff>();
    public DbSet<WaitlistEntry> WaitlistEntries => Set<WaitlistEntry>();
    public DbSet<WaitlistOffer> WaitlistOffers => Set<WaitlistOffer>();
    public DbSet<LateNotice> LateNotices => Set<LateNotice>();
    public DbSet<Core.Surveys.Questionnaire> Questionnaires => Set<Core.Surveys.Questionnaire>();
    public DbSet<Core.Surveys.QuestionnaireVersion> QuestionnaireVersions => Set<Core.Surveys.QuestionnaireVersion>();
    public DbSet<Core.Surveys.SurveyInvitation> SurveyInvitations => Set<Core.Surveys.SurveyInvitation>();
    public DbSet<Core.Surveys.SurveyResponse> SurveyResponses => Set<Core.Surveys.SurveyResponse>();
    public DbSet<Core.Surveys.Praise> Praise => Set<Core.Surveys.Praise>();
    public DbSet<Core.Surveys.SurveyAnswer> SurveyAnswers => Set<Core.Surveys.SurveyAnswer>();
    public DbSet<Core.Surveys.LexiconEntry> LexiconEntries => Set<Core.Surveys.LexiconEntry>();
    public DbSet<Core.Complaints.Complaint> Complaints => Set<Core.Complaints.Complaint>();
    public DbSet<Core.Complaints.ComplaintEvent> ComplaintEvents => Set<Core.Complaints.ComplaintEvent>();
    public DbSet<Core.Localization.NameTranslation> NameTranslations => Set<Core.Localization.NameTranslation>();
    public DbSet<Core.Complaints.ComplaintCategory> ComplaintCategories => Set<Core.Complaints.ComplaintCategory>();
    public DbSet<Core.Complaints.ComplaintReferenceCounter> ComplaintReferenceCounters => Set<Core.Complaints.ComplaintReferenceCounter>();
    public DbSet<Core.Complaints.ComplaintSettings> ComplaintSettings => Set<Core.Complaints.ComplaintSettings>();
    public DbSet<Core.Dashboards.AppointmentRollup> AppointmentRollups => Set<Core.Dashboards.AppointmentRollup>();
    public DbSet<Core.Dashboards.SurveyRollup> SurveyRollups => Set<Core.Dashboards.SurveyRollup>();
    public DbSet<Core.Dashboards.ComplaintRollup> ComplaintRollups => Set<Core.Dashboards.ComplaintRollup>();
    public DbSet<Core.ApiClients.ApiClient> ApiClients => Set<Core.ApiClients.ApiClient>();
    public DbSet<Core.Appointments.CallBackRequest> CallBackRequests => Set<Core.Appointments.CallBackRequest>();
    public DbSet<ReferenceDataStamp> ReferenceDataStamps => Set<ReferenceDataStamp>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<RateLimiting.RateLimitWindow> RateLimitWindows => Set<RateLimiting.RateLimitWindow>();
    public DbSet<Forms.FormSubmission> FormSubmissions => Set<Forms.FormSubmission>();

    public Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken) =>
        Database.BeginTransactionAsync(cancellationToken);

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Database.CurrentTransaction is not null)
            return await work(cancellationToken);
        return await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }

    public IDisposable WithoutSavepoints()
    {
        var before = Database.AutoSavepointsEnabled;
        Database.AutoSavepointsEnabled = false;
        return new SavepointsRestored(Database, before);
    }

    public IReadOnlyList<T> Tracked<T>() where T : class =>
        ChangeTracker.Entries<T>().Select(e => e.Entity).ToList();

    public void Detach(object entity) => Entry(entity).State = EntityState.Detached;

    public void ForgetChanges() => ChangeTracker.Clear();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime we store is UTC; say so when reading it back (SQLite keeps no kind).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class SavepointsRestored(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, bool before) : IDisposable
    {
        public void Dispose() => database.AutoSavepointsEnabled = before;
    }
}

internal sealed class UtcDateTimeConverter()
    : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
