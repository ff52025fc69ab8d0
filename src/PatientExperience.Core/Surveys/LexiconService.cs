namespace PatientExperience.Core.Surveys;

/// <summary>The comment lexicon managers edit. New responses are read with the words as they are at that moment.</summary>
public sealed class LexiconService(IAppDbContext db)
{
    public async Task<IReadOnlyList<LexiconEntry>> ListAsync(CancellationToken cancellationToken) =>
        await db.LexiconEntries.AsNoTracking().OrderBy(e => e.Language).ThenBy(e => e.Kind).ThenBy(e => e.Theme).ThenBy(e => e.Term)
            .ToListAsync(cancellationToken);

    public async Task<Result> AddAsync(string? language, LexiconKind? kind, CommentTheme? theme, string? term, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        if (language is null || !CommentLanguage.All.Contains(language))
            errors.Add(new ValidationError("Language", "Choose the language of the word."));
        if (kind is null || !Enum.IsDefined(kind.Value))
            errors.Add(new ValidationError("Kind", "Choose what the word means."));
        else if (kind == LexiconKind.Theme && (theme is null || !Enum.IsDefined(theme.Value)))
            errors.Add(new ValidationError("Theme", "Choose the theme the word belongs to."));
        // Very long input is refused before it is cut into words.
        var normalized = term is { Length: > LexiconEntry.TermLength * 4 } ? term
            : CommentAnalyzer.NormalizeTerm(term ?? string.Empty, CommentLanguage.Normalize(language));
        if (normalized.Length == 0)
            errors.Add(new ValidationError("Term", "Enter a word or a short phrase."));
        else if (normalized.Length > LexiconEntry.TermLength)
            errors.Add(new ValidationError("Term", $"Keep it to {LexiconEntry.TermLength} characters."));
        if (errors.Count > 0)
            return Result.Invalid(errors);
        var themeValue = kind == LexiconKind.Theme ? theme : null;
        if (await db.LexiconEntries.AnyAsync(e => e.Language == language && e.Kind == kind && e.Theme == themeValue && e.Term == normalized, cancellationToken))
            return Result.Invalid(new ValidationError("Term", "This word is already in the list."));
        db.LexiconEntries.Add(new LexiconEntry(kind!.Value, themeValue, normalized, language!));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    public async Task<Result> RemoveAsync(int id, CancellationToken cancellationToken)
    {
        var removed = await db.LexiconEntries.Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken);
        return removed == 1 ? Result.Success() : Result.NotFound();
    }

    /// <summary>What the current words make of a sample comment (the manager's "try it" box), in the language it is written in.</summary>
    public async Task<CommentAnalysis> TryAsync(string? comment, CancellationToken cancellationToken) =>
        new CommentAnalyzer(await db.LexiconEntries.AsNoTracking().ToListAsync(cancellationToken)).Analyze(comment);
}
