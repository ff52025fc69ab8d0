using PatientExperience.Core.Interactions;

namespace PatientExperience.UnitTests.Interactions;

/// <summary>A text message's words on the timeline always fit the stored column, however many letters JSON escapes.</summary>
public class TimelineSentenceFittingTests
{
    [Fact]
    public void AShortTextIsKeptWhole() =>
        Assert.Equal("Text message received: C", TimelineSentence.Fitting("Text message received: {0}", "C").Write(t => t, _ => ""));

    [Fact]
    public void ALongChineseTextIsShortenedToFit()
    {
        var sentence = TimelineSentence.Fitting("Text message sent: {0}", new string('预', 300));
        Assert.True(sentence.ValuesJson().Length <= TimelineSentence.ArgumentsLength);
        Assert.EndsWith("…", sentence.Values[0].Text, StringComparison.Ordinal);
    }
}
