namespace PatientExperience.Core.Surveys;

/// <summary>
/// Finds the staff a comment praises, sentence by sentence, in English, Spanish and Chinese: a sentence read as
/// positive (<see cref="CommentAnalyzer"/>) that names someone. A name counts when it is the full name; the surname
/// after a title ("Dr Okafor", "la doctora Ruiz", "Okafor医生") or a surname of four or more letters, when no one else in
/// the list shares it; or a first name no one else shares, written with its capital. "The doctor" ("el médico", "医生") with no
/// name means the visit's clinician. A sentence that praises one person and criticises another is read as a whole,
/// so mixed sentences may be missed; the manager decides before anything reaches the person.
/// </summary>
public static class PraiseFinder
{
    private static readonly char[] SentenceEnds = ['.', '!', '?', ';', '\n', '。', '！', '？', '；'];

    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "dr", "doctor", "nurse", "mr", "mrs", "ms", "miss", "dra", "doctora", "enfermera", "enfermero", "sr", "sra", "senor", "senora",
    };

    private static readonly string[][] LatinRoleWords =
    [
        ["the", "doctor"], ["my", "doctor"], ["the", "physician"], ["the", "clinician"], ["el", "doctor"], ["la", "doctora"],
        ["el", "medico"], ["la", "medica"], ["mi", "medico"], ["mi", "medica"], ["mi", "doctor"], ["mi", "doctora"],
    ];

    private static readonly string[] ChineseTitles = ["医生", "大夫", "护士"];

    public static IReadOnlyList<PraiseMatch> Find(string? comment, string language, IReadOnlyList<PraiseCandidate> staff, CommentAnalyzer analyzer)
    {
        if (string.IsNullOrWhiteSpace(comment) || staff.Count == 0)
            return [];
        var found = new Dictionary<int, string>();
        foreach (var raw in comment.Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw.Length == 0 || analyzer.Analyze(raw, language).Sentiment != Sentiment.Positive)
                continue;
            var named = staff.Where(s => Names(raw, s, staff)).ToList();
            if (named.Count == 0 && MentionsTheDoctor(raw, staff) && staff.FirstOrDefault(s => s.IsVisitClinician) is { } clinician)
                named.Add(clinician);
            foreach (var person in named)
                found.TryAdd(person.StaffMemberId, raw);
        }
        return [.. found.Select(f => new PraiseMatch(f.Key, f.Value))];
    }

    private static bool Names(string sentence, PraiseCandidate person, IReadOnlyList<PraiseCandidate> everyone)
    {
        var last = CommentLanguage.LatinWords(person.LastName);
        var first = CommentLanguage.LatinWords(person.FirstName);
        if (last.Count == 0)
            return false;
        if (sentence.Any(CommentLanguage.IsHan))
        {
            // Chinese writes no spaces: look for the name inside the text, Latin names as letters, Chinese ones as characters.
            var folded = CommentLanguage.Fold(sentence).Replace(" ", string.Empty, StringComparison.Ordinal);
            var surname = string.Concat(last);
            var full = string.Concat(first) + surname;
            if (folded.Contains(full, StringComparison.Ordinal) || (folded.Contains(string.Concat(last.Concat(first)), StringComparison.Ordinal) && first.Count > 0))
                return true;
            var titled = ChineseTitles.Any(t => folded.Contains(surname + t, StringComparison.Ordinal)) || Titles.Any(t => folded.Contains(t + surname, StringComparison.Ordinal));
            return surname.Length >= 2 && (titled || surname.Length >= 4) && Unique(everyone, p => string.Concat(CommentLanguage.LatinWords(p.LastName)) == surname);
        }
        var words = CommentLanguage.LatinWords(sentence);
        var uniqueSurname = Unique(everyone, p => CommentLanguage.LatinWords(p.LastName).SequenceEqual(last));
        foreach (var at in At(words, last))
        {
            if (first.Count > 0 && at >= first.Count && words.Skip(at - first.Count).Take(first.Count).SequenceEqual(first))
                return true;
            // A title or a long surname names one person only if no one else has that surname.
            if (uniqueSurname && ((at > 0 && Titles.Contains(words[at - 1])) || string.Concat(last).Length >= 4))
                return true;
        }
        // A first name alone: only written as a name (capital first letter), and only if no one else has it.
        return first.Count == 1 && first[0].Length >= 3
            && Unique(everyone, p => CommentLanguage.LatinWords(p.FirstName).SequenceEqual(first))
            && sentence.Split([' ', ',', ':', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries)
                .Any(w => w.Length > 0 && char.IsUpper(w[0]) && CommentLanguage.Fold(w) == first[0]);
    }

    /// <summary>"The doctor" with no name after it ("la doctora Ruiz" names someone, perhaps not the visit's clinician).</summary>
    private static bool MentionsTheDoctor(string sentence, IReadOnlyList<PraiseCandidate> everyone)
    {
        if (sentence.Any(CommentLanguage.IsHan))
        {
            var folded = CommentLanguage.Fold(sentence);
            var names = everyone.Select(p => string.Concat(CommentLanguage.LatinWords(p.LastName))).Where(n => n.Length > 0);
            return (folded.Contains("医生", StringComparison.Ordinal) || folded.Contains("大夫", StringComparison.Ordinal))
                && !names.Any(n => folded.Contains(n + "医生", StringComparison.Ordinal) || folded.Contains(n + "大夫", StringComparison.Ordinal));
        }
        var words = CommentLanguage.LatinWords(sentence);
        var nameWords = everyone.SelectMany(p => CommentLanguage.LatinWords(p.LastName).Concat(CommentLanguage.LatinWords(p.FirstName))).ToHashSet(StringComparer.Ordinal);
        return LatinRoleWords.Any(role => At(words, role).Any(at => at + role.Length >= words.Count || !nameWords.Contains(words[at + role.Length])));
    }

    private static bool Unique(IReadOnlyList<PraiseCandidate> everyone, Func<PraiseCandidate, bool> same) => everyone.Count(same) == 1;

    private static IEnumerable<int> At(List<string> words, IReadOnlyList<string> phrase)
    {
        for (var i = 0; i + phrase.Count <= words.Count; i++)
        {
            if (words.Skip(i).Take(phrase.Count).SequenceEqual(phrase))
                yield return i;
        }
    }
}
