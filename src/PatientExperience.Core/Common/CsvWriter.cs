using System.Text;
using System.Text.RegularExpressions;

namespace PatientExperience.Core.Common;

/// <summary>
/// The one CSV writer of the portal (RFC 4180, CRLF lines): every export goes through it. A cell is quoted when it holds
/// a comma, a quote, CR or LF; a text cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets
/// a leading single quote, so a department, clinician or category called <c>=HYPERLINK(…)</c> stays text. Plain numbers
/// such as <c>-3</c> or <c>-12.5%</c> are left alone: they cannot be formulas and must stay numbers.
/// </summary>
public sealed partial class CsvWriter
{
    private readonly StringBuilder text = new();

    /// <summary>Adds a row of cells; a null cell is empty.</summary>
    public CsvWriter Row(IEnumerable<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        text.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        return this;
    }

    public CsvWriter Row(params string?[] cells) => Row((IEnumerable<string?>)cells);

    public override string ToString() => text.ToString();

    /// <summary>The file as UTF-8 with a byte-order mark, which spreadsheets need to read accents and CJK right.</summary>
    public byte[] ToUtf8WithBom() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];

    /// <summary>One cell, never read as a formula, quoted when it must be.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return string.Empty;
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(value))
            value = "'" + value;
        return value.IndexOfAny(['"', ',', '\r', '\n']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    [GeneratedRegex(@"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
