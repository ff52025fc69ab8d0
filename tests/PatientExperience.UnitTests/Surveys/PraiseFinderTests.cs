using PatientExperience.Core.Surveys;

namespace PatientExperience.UnitTests.Surveys;

public class PraiseFinderTests
{
    private static readonly CommentAnalyzer Analyzer = new(DefaultLexicon.Entries());

    private static readonly PraiseCandidate[] Staff =
    [
        new(1, "Sam", "Okafor", true),
        new(2, "Grace", "Lee", false),
        new(3, "Maria", "Ruiz", false),
        new(4, "Ana", "Ruiz", false),
    ];

    private static int[] Praised(string comment, string language = "en") =>
        [.. PraiseFinder.Find(comment, language, Staff, Analyzer).Select(m => m.StaffMemberId).Order()];

    [Theory]
    [InlineData("Dr Okafor was wonderful.", new[] { 1 })]
    [InlineData("Okafor was wonderful.", new[] { 1 })]
    [InlineData("Grace Lee on reception was so kind.", new[] { 2 })]
    [InlineData("Grace was so kind at the desk.", new[] { 2 })]
    [InlineData("Thank you, the doctor was very thorough.", new[] { 1 })]
    [InlineData("Nurse Lee was lovely and Dr Okafor explained everything clearly.", new[] { 1, 2 })]
    [InlineData("Dr Okafor was rude.", new int[0])]
    [InlineData("The wait was awful. Dr Okafor was great though!", new[] { 1 })]
    [InlineData("Ruiz was lovely.", new int[0])]
    [InlineData("Maria Ruiz was lovely.", new[] { 3 })]
    [InlineData("I was treated with grace and kindness.", new int[0])]
    public void FindsWhomASentencePraises(string comment, int[] expected) => Assert.Equal(expected, Praised(comment));

    [Theory]
    [InlineData("La doctora Ruiz fue muy amable.", new int[0])]
    [InlineData("Maria Ruiz fue muy amable.", new[] { 3 })]
    [InlineData("La doctora Okafor fue muy amable.", new[] { 1 })]
    [InlineData("El médico fue excelente.", new[] { 1 })]
    [InlineData("La doctora Okafor no fue amable.", new int[0])]
    public void FindsPraiseInSpanish(string comment, int[] expected)
    {
        // "la doctora Ruiz" is ambiguous (two Ruiz): only the full name picks one.
        Assert.Equal(expected, Praised(comment, "es"));
    }

    [Theory]
    [InlineData("Okafor医生非常耐心。", new[] { 1 })]
    [InlineData("医生很专业，谢谢！", new[] { 1 })]
    [InlineData("Okafor医生态度很差。", new int[0])]
    public void FindsPraiseInChinese(string comment, int[] expected) => Assert.Equal(expected, Praised(comment, "zh-Hans"));

    [Fact]
    public void TheExcerptIsOnlyTheSentenceThatNamesThem()
    {
        var match = Assert.Single(PraiseFinder.Find("The parking was awful. Dr Okafor was wonderful! We live nearby.", "en", Staff, Analyzer));
        Assert.Equal("Dr Okafor was wonderful", match.Excerpt);
    }
}
