using PatientExperience.Core.Auditing;

namespace PatientExperience.Core.Surveys;

/// <summary>Staff reading survey responses: a list without names, and one response at a time (each look audited).</summary>
public sealed class SurveyResponses(IAppDbContext db, AuditTrail audit)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<ResponseRow>> ListAsync(int? departmentId, bool followUpOnly, CancellationToken cancellationToken) =>
        await db.SurveyResponses.AsNoTracking()
            .Where(r => (departmentId == null || r.DepartmentId == departmentId) && (!followUpOnly || r.FollowUpOpened))
            .OrderByDescending(r => r.RespondedAtUtc).ThenByDescending(r => r.Id)
            .Take(PageSize)
            .Select(r => new ResponseRow(r.Id, r.RespondedAtUtc,
                db.Departments.Where(d => d.Id == r.DepartmentId).Select(d => d.Name).First(),
                db.StaffMembers.Where(s => s.Id == r.ClinicianId).Select(s => s.FirstName + " " + s.LastName).First(),
                r.Recommend, r.CommentSentiment == null ? null : r.CommentSentiment.ToString(), r.FollowUpOpened))
            .ToListAsync(cancellationToken);

    /// <summary>Every Friends and Family Test answer given (no names: the value, when, which department), for the NHS return.</summary>
    public async Task<IReadOnlyList<FftAnswer>> FriendsFamilyAnswersAsync(CancellationToken cancellationToken) =>
        await db.SurveyAnswers.AsNoTracking()
            .Where(a => a.Type == QuestionType.FriendsFamily && a.Value != null)
            .Join(db.SurveyResponses, a => a.ResponseId, r => r.Id, (a, r) => new FftAnswer(a.Value, r.RespondedAtUtc, r.DepartmentId))
            .ToListAsync(cancellationToken);

    /// <summary>One response with the patient it belongs to; the view is written to the audit trail.</summary>
    public async Task<ResponseDetail?> GetAsync(int id, CancellationToken cancellationToken)
    {
        var response = await db.SurveyResponses.AsNoTracking().Include(r => r.Answers).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (response is null)
            return null;
        var info = await db.SurveyResponses.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new
            {
                Patient = db.Patients.Where(p => p.Id == r.PatientId).Select(p => new { p.FirstName, p.LastName, p.ReferenceNumber }).First(),
                Department = db.Departments.Where(d => d.Id == r.DepartmentId).Select(d => d.Name).First(),
                Clinician = db.StaffMembers.Where(s => s.Id == r.ClinicianId).Select(s => s.FirstName + " " + s.LastName).First(),
                Service = db.ClinicServices.Where(s => s.Id == r.ServiceId).Select(s => s.Name).First(),
                Questionnaire = db.Questionnaires.Where(q => q.Id == r.QuestionnaireId).Select(q => q.Name).First(),
                Questions = db.QuestionnaireVersions.Where(v => v.Id == r.QuestionnaireVersionId).Select(v => v.QuestionsJson).First(),
                Case = db.Complaints.Where(c => c.SurveyResponseId == r.Id)
                    .Select(c => new FollowUpCase(c.Id, c.Reference, c.Status)).FirstOrDefault(),
            })
            .FirstAsync(cancellationToken);
        var questions = Questionnaire.Parse(info.Questions);
        var answers = questions.Where(q => q.IsNumeric)
            .Select(q => new AnswerLine(q.Key, q.Text, q.Dimension, q.Type, response.Answers.FirstOrDefault(a => a.QuestionKey == q.Key)?.Value))
            .ToList();
        await audit.RecordAsync(AuditAction.View, nameof(SurveyResponse), id.ToString(System.Globalization.CultureInfo.InvariantCulture), response.PatientId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ResponseDetail(response, $"{info.Patient.FirstName} {info.Patient.LastName}", info.Patient.ReferenceNumber, info.Department, info.Clinician,
            info.Service, info.Questionnaire, answers, questions.FirstOrDefault(q => q.Type == QuestionType.Comment)?.Text, info.Case);
    }
}
