namespace PatientExperience.Core.Auditing;

/// <summary>Admins' search of the audit trail, newest first. Looking up one patient's trail is itself audited.</summary>
public sealed class AuditSearch(IAppDbContext db, AuditTrail audit, ClinicClock clock)
{
    public const int PageSize = 50;
    public const int MaxExportRows = 100_000;

    public async Task<Result<AuditPage>> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var filtered = await FilterAsync(query, cancellationToken);
        if (!filtered.IsSuccess)
            return Result<AuditPage>.Invalid(filtered.Errors);
        var (entries, patientId) = filtered.Value!;
        var total = await entries.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await ProjectAsync(entries.Skip((page - 1) * PageSize).Take(PageSize), cancellationToken);
        await RecordLookupAsync(patientId, cancellationToken);
        return Result<AuditPage>.Success(new AuditPage(rows, page, pageCount, total));
    }

    /// <summary>Every matching line (up to <see cref="MaxExportRows"/>), newest first, for a spreadsheet.</summary>
    public async Task<Result<IReadOnlyList<AuditRow>>> ExportAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var filtered = await FilterAsync(query, cancellationToken);
        if (!filtered.IsSuccess)
            return Result<IReadOnlyList<AuditRow>>.Invalid(filtered.Errors);
        var rows = await ProjectAsync(filtered.Value!.Entries.Take(MaxExportRows), cancellationToken);
        await RecordLookupAsync(filtered.Value.PatientId, cancellationToken);
        return Result<IReadOnlyList<AuditRow>>.Success(rows);
    }

    public async Task<IReadOnlyList<StaffChoice>> StaffAsync(CancellationToken cancellationToken) =>
        (await db.StaffMembers.AsNoTracking()
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new { s.Id, s.FirstName, s.LastName })
            .ToListAsync(cancellationToken))
        .Select(s => new StaffChoice(s.Id, $"{s.LastName}, {s.FirstName}")).ToList();

    public async Task<IReadOnlyList<ApiClientChoice>> ApiClientsAsync(CancellationToken cancellationToken) =>
        (await db.ApiClients.AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.ClientId)
            .Select(c => new { c.Id, c.Name, c.ClientId }).ToListAsync(cancellationToken))
        .Select(c => new ApiClientChoice(c.Id, $"{c.Name} ({c.ClientId})")).ToList();

    private async Task<Result<(IQueryable<AuditEntry> Entries, int? PatientId)>> FilterAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        IQueryable<AuditEntry> entries = db.AuditEntries.AsNoTracking();
        int? patientId = null;
        if (!string.IsNullOrWhiteSpace(query.Patient))
        {
            var reference = PatientReference(query.Patient);
            patientId = reference is null ? null
                : await db.Patients.AsNoTracking().Where(p => p.ReferenceNumber == reference).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
            if (patientId is null)
                errors.Add(new ValidationError(nameof(AuditQuery.Patient), "No patient has that number. Patient numbers look like P-000123."));
            else
                entries = entries.Where(e => e.PatientId == patientId);
        }
        if (query.StaffMemberId is { } staffId)
            entries = entries.Where(e => e.StaffMemberId == staffId);
        if (query.ApiClientId is { } clientId)
            entries = entries.Where(e => e.ApiClientId == clientId);
        if (query.From is { } from && query.To is { } to && to < from)
            errors.Add(new ValidationError(nameof(AuditQuery.To), "The end date is before the start date."));
        if (errors.Count > 0)
            return Result<(IQueryable<AuditEntry>, int?)>.Invalid(errors);

        if (query.From is { } start)
        {
            var fromUtc = ToUtc(start);
            entries = entries.Where(e => e.OccurredAtUtc >= fromUtc);
        }
        if (query.To is { } end)
        {
            var toUtc = end == DateOnly.MaxValue ? DateTime.MaxValue : ToUtc(end.AddDays(1));
            entries = entries.Where(e => e.OccurredAtUtc < toUtc);
        }
        return Result<(IQueryable<AuditEntry>, int?)>.Success((entries.OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id), patientId));
    }

    private async Task<IReadOnlyList<AuditRow>> ProjectAsync(IQueryable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var rows = await (
            from e in entries
            join s in db.StaffMembers on e.StaffMemberId equals s.Id into staff
            from s in staff.DefaultIfEmpty()
            join p in db.Patients on e.PatientId equals p.Id into patients
            from p in patients.DefaultIfEmpty()
            join c in db.ApiClients on e.ApiClientId equals c.Id into clients
            from c in clients.DefaultIfEmpty()
            select new
            {
                e.OccurredAtUtc,
                StaffFirst = s == null ? null : s.FirstName,
                StaffLast = s == null ? null : s.LastName,
                e.Action,
                e.EntityType,
                e.EntityId,
                PatientNumber = p == null ? null : p.ReferenceNumber,
                e.PatientId,
                ClientName = c == null ? null : c.Name,
                ClientId = c == null ? null : c.ClientId,
            }).ToListAsync(cancellationToken);
        return rows.Select(r => new AuditRow(
            r.OccurredAtUtc,
            r.StaffLast is null ? null : $"{r.StaffLast}, {r.StaffFirst}",
            r.Action, r.EntityType, r.EntityId,
            r.PatientNumber ?? (r.PatientId is { } id ? $"#{id.ToString(CultureInfo.InvariantCulture)}" : null),
            r.ClientName is null ? null : $"{r.ClientName} ({r.ClientId})")).ToList();
    }

    private async Task RecordLookupAsync(int? patientId, CancellationToken cancellationToken)
    {
        if (patientId is null)
            return;
        await audit.RecordAsync(AuditAction.Search, nameof(AuditEntry), null, patientId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>"P-000123", "p000123", "123": the patient number as stored, or null if it is not a number at all.</summary>
    public static string? PatientReference(string typed)
    {
        var text = typed.Trim();
        if (text.StartsWith("P", StringComparison.OrdinalIgnoreCase))
            text = text[1..].TrimStart('-', ' ');
        return text.Length is > 0 and <= 9 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? $"P-{number:D6}"
            : null;
    }

    /// <summary>The UTC instant a clinic day starts (a day at the ends of the calendar is clamped, not an error).</summary>
    private DateTime ToUtc(DateOnly clinicDay)
    {
        var midnight = clinicDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (clock.Zone.IsInvalidTime(midnight))
            midnight = midnight.AddHours(1); // a zone that skips midnight when clocks go forward
        var offset = clock.Zone.GetUtcOffset(midnight);
        var ticks = midnight.Ticks - offset.Ticks;
        return ticks < DateTime.MinValue.Ticks ? DateTime.MinValue
            : ticks > DateTime.MaxValue.Ticks ? DateTime.MaxValue
            : new DateTime(ticks, DateTimeKind.Utc);
    }
}
