using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Auditing;
using PatientExperience.Core.Departments;
using PatientExperience.Core.Email;
using PatientExperience.Core.Interactions;
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

    Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade Database { get; }
    Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
