using PatientExperience.Infrastructure.Letters;

namespace PatientExperience.UnitTests.Letters;

/// <summary>Whatever staff typed, the letter's PDF is written: names in scripts the font lacks, words wider than the page.</summary>
public class LetterPdfTests
{
    private static Letter Letter(string name, string address, string body) => new(
        "Riverside Health Clinic", ["410 Riverside Drive", "New York, NY 10025"], "Telephone +1 555 010 0100",
        name, PatientExperience.Infrastructure.Letters.Letter.Lines(address), "December 7, 2026", "Our reference: CMP-2026-000001",
        "Our response to your complaint", $"Dear {name},", [new LetterSection("What we found", body)], "Yours sincerely,", "Priya Shah", "Practice manager", "en");

    [Theory]
    [InlineData("王小明", "北京市朝阳区\n建国路 88 号", "我们很抱歉。")]
    [InlineData("Nguyễn Thị Ánh", "12 Elm Street", "Emoji 🙂 and a tab\there.")]
    public void AnyScriptInANameOrTheBodyStillMakesAPdf(string name, string address, string body)
    {
        var pdf = LetterPdf.Write(Letter(name, address, body), "US");
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
    }

    [Fact]
    public void AWordWiderThanThePageIsBrokenAndTheLetterStillEnds()
    {
        var pdf = LetterPdf.Write(Letter("Lee", new string('x', 400), new string('y', 20_000)), "GB");
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.True(pdf.Length > 1000);
    }
}
