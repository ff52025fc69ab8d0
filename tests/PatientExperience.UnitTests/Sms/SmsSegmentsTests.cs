using PatientExperience.Core.Sms;

namespace PatientExperience.UnitTests.Sms;

/// <summary>How many SMS a text takes: GSM-7 160 alone, 153 a part; UCS-2 (Chinese) 70 alone, 67 a part.</summary>
public class SmsSegmentsTests
{
    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Gsm7TextSplitsAt160Then153(int length, int parts) => Assert.Equal(parts, SmsSegments.Count(new string('a', length)));

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void ChineseTextSplitsAt70Then67(int length, int parts) => Assert.Equal(parts, SmsSegments.Count(new string('约', length)));

    [Fact]
    public void ExtensionCharactersCountTwice() => Assert.Equal(2, SmsSegments.Count(new string('€', 81)));

    [Fact]
    public void OneCharacterOutsideGsm7MakesTheWholeTextUcs2() => Assert.Equal(3, SmsSegments.Count(new string('a', 150) + "á"));

    [Fact]
    public void AccentsGsm7LacksAreFoldedAndItsOwnAreKept()
    {
        var folded = SmsAlphabet.PreferGsm7("Su cita del sábado: miércoles, niño, acción – ¿sí?");
        Assert.Equal("Su cita del sabado: miércoles, niño, accion - ¿si?", folded);
        Assert.True(SmsSegments.IsGsm7(folded));
    }

    [Fact]
    public void ChineseIsLeftAsItIs() => Assert.Equal("您的预约已确认", SmsAlphabet.PreferGsm7("您的预约已确认"));
}
