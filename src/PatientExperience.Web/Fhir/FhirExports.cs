using System.Security.Cryptography;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace PatientExperience.Web.Fhir;

/// <summary>
/// FHIR Bulk Data export of QuestionnaireResponse and Appointment, computed on download. A kick-off stores nothing: the job
/// is its own id, encrypted and signed with Data Protection (the key ring is in the database, so any instance of a cluster
/// reads it). The job fixes its end (<c>transactionTime</c>, the kick-off) so every download of it is the same rows.
/// Each file is written straight to the response in keyset pages of <see cref="BatchSize"/> rows (id order), so a million
/// responses never sit in memory and no file is kept on any instance's disk.
/// </summary>
public sealed class FhirExports(IDataProtectionProvider protection, IAppDbContext db, FhirDirectory directory, FhirSurveys surveys, TimeProvider time)
{
    /// <summary>Types that can be exported.</summary>
    public static readonly IReadOnlyList<string> Types = ["Appointment", "QuestionnaireResponse"];

    public const int BatchSize = 1000;

    /// <summary>How long a job's links work.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly IDataProtector _protector = protection.CreateProtector("PatientExperience.Fhir.BulkExport.v1");

    public string Start(int clientId, IReadOnlyList<string> types, DateTime? since, DateTime until) =>
        _protector.Protect(string.Join('|',
            clientId.ToString(CultureInfo.InvariantCulture),
            string.Join(',', types),
            since?.Ticks.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            until.Ticks.ToString(CultureInfo.InvariantCulture),
            (until + Lifetime).Ticks.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The job an id stands for, if it is ours and has not expired.</summary>
    public FhirExportJob? Read(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 2000)
            return null;
        string payload;
        try
        {
            payload = _protector.Unprotect(id);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('|');
        if (parts.Length != 5
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var clientId)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var until)
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
            return null;
        DateTime? since = long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? new DateTime(s, DateTimeKind.Utc) : null;
        var job = new FhirExportJob(clientId, parts[1].Split(','), since, new DateTime(until, DateTimeKind.Utc), new DateTime(expires, DateTimeKind.Utc));
        return time.GetUtcNow().UtcDateTime < job.ExpiresUtc ? job : null;
    }

    /// <summary>Writes one type's resources of the job as NDJSON (one resource a line), a page of rows at a time.</summary>
    public async System.Threading.Tasks.Task WriteAsync(FhirExportJob job, string type, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        var rows = type == "Appointment" ? AppointmentsAsync(job, ct) : ResponsesAsync(job, ct);
        var written = 0;
        await foreach (var resource in rows)
        {
            await writer.WriteAsync(FhirJson.Serialize(resource));
            await writer.WriteAsync('\n');
            if (++written % BatchSize == 0)
                await writer.FlushAsync(ct);
        }
        await writer.FlushAsync(ct);
    }

    private async IAsyncEnumerable<Resource> ResponsesAsync(FhirExportJob job, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var questions = new Dictionary<int, IReadOnlyList<Core.Surveys.SurveyQuestion>>();
        var after = 0;
        while (true)
        {
            var last = after;
            var page = await FhirSurveys.Filter(db.SurveyResponses.AsNoTracking(), job.Since, null)
                .Where(r => r.RespondedAtUtc <= job.Until && r.Id > last)
                .OrderBy(r => r.Id).Take(BatchSize).Include(r => r.Answers).ToListAsync(ct);
            if (page.Count == 0)
                yield break;
            var missing = page.Select(r => r.QuestionnaireVersionId).Distinct().Where(v => !questions.ContainsKey(v)).ToList();
            if (missing.Count > 0)
                foreach (var (id, qs) in await surveys.QuestionsAsync(missing, ct))
                    questions[id] = qs;
            foreach (var row in page)
                yield return surveys.Response(row, questions);
            after = page[^1].Id;
        }
    }

    private async IAsyncEnumerable<Resource> AppointmentsAsync(FhirExportJob job, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var after = 0;
        while (true)
        {
            var page = await directory.AppointmentsChangedAsync(job.Since, job.Until, after, BatchSize, ct);
            if (page.Count == 0)
                yield break;
            foreach (var resource in page)
                yield return resource;
            after = int.Parse(page[^1].Id!, CultureInfo.InvariantCulture);
        }
    }
}
