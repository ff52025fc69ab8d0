using JiebaNet.Segmenter;

namespace PatientExperience.Core.Surveys;

/// <summary>
/// Chinese text cut into words by jieba (the segmenter most Chinese text tools use), with one rule on top: a word
/// that begins with a negating or strengthening character ("很差", "不好", "太久") is split after it, so "差" and
/// "好" meet the word lists and "很"/"不" count as intensifier and negator. Comments and the words managers enter are
/// cut the same way, so they always line up. jieba's dictionary loads once (about a second) from the output
/// folder's <c>jieba/</c>.
/// </summary>
public static class ChineseWords
{
    /// <summary>Longest first. Split off the front of a longer word; never split when the word is one of these.</summary>
    private static readonly string[] Prefixes =
        ["没有", "非常", "特别", "十分", "不", "没", "未", "无", "别", "很", "太", "最", "真", "挺", "超", "更", "极"];

    /// <summary>Words that begin with a prefix but are not negated or strengthened words.</summary>
    private static readonly HashSet<string> Keep = new(StringComparer.Ordinal)
    {
        "不过", "不但", "不仅", "不管", "别人", "别的", "无论", "更新", "最后", "最近", "最初", "真的", "未来", "太太", "超市",
        "极了", "很多", "没事",
    };

    private static readonly Lazy<JiebaSegmenter> Segmenter = new(() =>
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");
        return new JiebaSegmenter();
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The words of a Chinese text (punctuation and spaces dropped; Latin words lower-cased).</summary>
    public static List<string> Cut(string text)
    {
        var words = new List<string>();
        foreach (var token in Segmenter.Value.Cut(text, cutAll: false, hmm: true))
        {
            var word = token.Trim().ToLowerInvariant();
            if (word.Length == 0 || !word.Any(char.IsLetterOrDigit))
                continue;
            Split(word, words);
        }
        return words;
    }

    private static void Split(string word, List<string> into)
    {
        while (true)
        {
            if (Keep.Contains(word) || Prefixes.Contains(word))
            {
                into.Add(word);
                return;
            }
            var prefix = Prefixes.FirstOrDefault(p => word.Length > p.Length && word.StartsWith(p, StringComparison.Ordinal));
            if (prefix is null)
            {
                into.Add(word);
                return;
            }
            into.Add(prefix);
            word = word[prefix.Length..];
        }
    }
}
