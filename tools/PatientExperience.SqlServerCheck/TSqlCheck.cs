using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace PatientExperience.SqlServerCheck;

/// <summary>Parses T-SQL with SQL Server's own parser (SQL Server 2022 syntax, quoted identifiers on, as EF Core sends them).</summary>
public static class TSqlCheck
{
    /// <summary>The parse errors of <paramref name="sql"/>, each as "line L, column C: message"; empty when it parses.</summary>
    public static IReadOnlyList<string> Parse(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        using var reader = new StringReader(sql);
        return Parse(reader);
    }

    /// <summary>The parse errors of a script read from <paramref name="reader"/> (GO batch separators included).</summary>
    public static IReadOnlyList<string> Parse(TextReader reader)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        parser.Parse(reader, out var errors);
        return [.. errors.Select(e => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"line {e.Line}, column {e.Column}: {e.Message} (error {e.Number})"))];
    }
}
