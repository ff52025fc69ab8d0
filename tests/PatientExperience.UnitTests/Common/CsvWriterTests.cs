using PatientExperience.Core.Common;

namespace PatientExperience.UnitTests.Common;

public class CsvWriterTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"click\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\"")]
    [InlineData("+SUM(A1:A9)", "'+SUM(A1:A9)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0")]
    public void ACellASpreadsheetWouldRunIsKeptAsText(string value, string written) =>
        Assert.Equal(written, CsvWriter.Cell(value));

    [Theory]
    [InlineData("-3", "-3")]
    [InlineData("-12.5%", "-12.5%")]
    [InlineData("+4", "+4")]
    [InlineData("-1,234.5", "\"-1,234.5\"")]
    public void APlainNumberStaysANumber(string value, string written) =>
        Assert.Equal(written, CsvWriter.Cell(value));

    [Theory]
    [InlineData("Cardiology", "Cardiology")]
    [InlineData("Smith, Jo", "\"Smith, Jo\"")]
    [InlineData("the \"big\" room", "\"the \"\"big\"\" room\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("carriage\rreturn", "\"carriage\rreturn\"")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void CellsAreQuotedOnlyWhenTheyMustBe(string? value, string written) =>
        Assert.Equal(written, CsvWriter.Cell(value));

    [Fact]
    public void RowsEndInCRLFAndTheFileStartsWithAByteOrderMark()
    {
        var csv = new CsvWriter().Row("Name", "Count").Row(["=1+1", null]);
        Assert.Equal("Name,Count\r\n'=1+1,\r\n", csv.ToString());
        var bytes = csv.ToUtf8WithBom();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(csv.ToString(), System.Text.Encoding.UTF8.GetString(bytes[3..]));
    }
}
