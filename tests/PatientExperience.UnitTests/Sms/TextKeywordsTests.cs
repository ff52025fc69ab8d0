using PatientExperience.Core.Sms;

namespace PatientExperience.UnitTests.Sms;

/// <summary>The words a reply may be, in English, Spanish and Chinese (README "Replies reach the portal").</summary>
public class TextKeywordsTests
{
    [Theory]
    [InlineData("C", TextKeyword.Confirm)]
    [InlineData(" c. ", TextKeyword.Confirm)]
    [InlineData("Sí", TextKeyword.Confirm)]
    [InlineData("确认", TextKeyword.Confirm)]
    [InlineData("r", TextKeyword.Change)]
    [InlineData("Cambiar", TextKeyword.Change)]
    [InlineData("改期", TextKeyword.Change)]
    [InlineData("X", TextKeyword.Cancel)]
    [InlineData("cancelar!", TextKeyword.Cancel)]
    [InlineData("取消。", TextKeyword.Cancel)]
    [InlineData("Stop", TextKeyword.Stop)]
    [InlineData("BAJA", TextKeyword.Stop)]
    [InlineData("alto", TextKeyword.Stop)]
    [InlineData("退订", TextKeyword.Stop)]
    [InlineData("停止", TextKeyword.Stop)]
    [InlineData("START", TextKeyword.Start)]
    [InlineData("Alta", TextKeyword.Start)]
    [InlineData("开始", TextKeyword.Start)]
    [InlineData("Can I come later?", TextKeyword.Unknown)]
    [InlineData("", TextKeyword.Unknown)]
    [InlineData(null, TextKeyword.Unknown)]
    public void RepliesAreReadWhateverTheirCaseAccentsOrFullStop(string? text, TextKeyword expected) => Assert.Equal(expected, TextKeywords.Parse(text));

    [Fact]
    public void NoWordMeansTwoThings()
    {
        var words = TextKeywords.Words.SelectMany(w => w.Value).ToList();
        Assert.Equal(words.Count, words.Distinct(StringComparer.Ordinal).Count());
    }
}
