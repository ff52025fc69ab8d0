using Microsoft.EntityFrameworkCore.Storage;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Auditing;
using PatientExperience.Core.Departments;
using PatientExperience.Core.Email;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Staff;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Core.Common;

/// <summary>The unit of work services use; implemented by the Infrastructure DbContext.</summary>
public interface IAppDbContext
{
    DbSet<Patient> Patients { get; }
    DbSet<StaffMember> StaffMembers { get; }
    DbSet<Department> Departments { get; }
    DbSet<PatientExperience.Core.Sites.Site> Sites { get; }
    DbSet<PatientExperience.Core.Sites.SiteOpeningHours> SiteOpeningHours { get; }
    DbSet<ClinicService> ClinicServices { get; }
    DbSet<Interaction> Interactions { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<WorkingHours> WorkingHours { get; }
    DbSet<Appointment> Appointments { get; }
    DbSet<TimeCell> TimeCells { get; }
    DbSet<TimeOff> TimeOff { get; }
    DbSet<WaitlistEntry> WaitlistEntries { get; }
    DbSet<WaitlistOffer> WaitlistOffers { get; }
    DbSet<LateNotice> LateNotices { get; }
    DbSet<Questionnaire> Questionnaires { get; }
    DbSet<QuestionnaireVersion> QuestionnaireVersions { get; }
    DbSet<SurveyInvitation> SurveyInvitations { get; }
    DbSet<SurveyResponse> SurveyResponses { get; }
    DbSet<Praise> Praise { get; }
    DbSet<SurveyAnswer> SurveyAnswers { get; }
    DbSet<LexiconEntry> LexiconEntries { get; }
    DbSet<Complaints.Complaint> Complaints { get; }
    DbSet<Complaints.ComplaintEvent> ComplaintEvents { get; }
    DbSet<Complaints.ComplaintCategory> ComplaintCategories { get; }
    DbSet<Complaints.ComplaintReferenceCounter> ComplaintReferenceCounters { get; }
    DbSet<Complaints.ComplaintSettings> ComplaintSettings { get; }
    DbSet<Dashboards.AppointmentRollup> AppointmentRollups { get; }
    DbSet<Dashboards.SurveyRollup> SurveyRollups { get; }
    DbSet<Dashboards.ComplaintRollup> ComplaintRollups { get; }
    DbSet<Localization.NameTranslation> NameTranslations { get; }
    DbSet<Appointments.CallBackRequest> CallBackRequests { get; }
    DbSet<Appointments.ReferenceDataStamp> ReferenceDataStamps { get; }
    DbSet<ApiClients.ApiClient> ApiClients { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    // The transaction seam: the few places that need more than sets and SaveChanges (docs/architecture.md, "Transactions").
    // Finishing a transaction whose saves the database may refuse goes through TransactionCommit.TryCommitAsync.

    /// <summary>Opens a transaction (the database's default isolation); disposing it without a commit rolls it back.</summary>
    Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in the transaction already open on this unit of work, or else in one of its own that
    /// is committed when the work returns; on a server database the provider's execution strategy may then run the
    /// whole of it again after a transient failure.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Until disposed, saves inside a transaction set no savepoints: for work whose refusal rolls the whole transaction
    /// back, so there is never a point to roll back to.
    /// </summary>
    IDisposable WithoutSavepoints();

    /// <summary>The entities of this type this unit of work tracks (added, loaded tracked or changed).</summary>
    IReadOnlyList<T> Tracked<T>() where T : class;

    /// <summary>Stops tracking one entity; the database is not touched.</summary>
    void Detach(object entity);

    /// <summary>Stops tracking everything: after a rollback, what is tracked no longer matches the database.</summary>
    void ForgetChanges();
}
