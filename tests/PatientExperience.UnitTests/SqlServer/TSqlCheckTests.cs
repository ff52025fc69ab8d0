using PatientExperience.Infrastructure.Data;
using PatientExperience.SqlServerCheck;

namespace PatientExperience.UnitTests.SqlServer;

/// <summary>The CI parse check (tools/PatientExperience.SqlServerCheck) can fail, and passes on what the portal sends SQL Server.</summary>
public class TSqlCheckTests
{
    [Fact]
    public void PlantedSyntaxErrorIsReportedWithItsLine()
    {
        // Not first in its batch: there "SELEC 1" is valid T-SQL, a call of a procedure named SELEC with EXEC left out.
        var errors = TSqlCheck.Parse("SELECT 1;\nGO\nSELECT 2;\nSELEC 1;\n");

        var error = Assert.Single(errors);
        Assert.StartsWith("line 4, column ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidBatchesSeparatedByGoParse()
    {
        Assert.Empty(TSqlCheck.Parse("IF OBJECT_ID(N'[T]') IS NULL\nBEGIN\n    CREATE TABLE [T] ([Id] int NOT NULL);\nEND;\nGO\nSELECT [Id] FROM [T];\nGO\n"));
    }

    [Fact]
    public void SqlServerDialectStatementsParse()
    {
        Assert.NotEmpty(SqlServerDialect.Statements);
        foreach (var statement in SqlServerDialect.Statements)
            Assert.Empty(TSqlCheck.Parse(statement));
    }

    [Fact]
    public async Task GeneratedQueriesParse()
    {
        var queries = await SqlServerQueries.AllAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(queries);
        Assert.All(queries, q => Assert.True(TSqlCheck.Parse(q.Sql).Count == 0, $"{q.Name}: {string.Join("; ", TSqlCheck.Parse(q.Sql))}\n{q.Sql}"));
    }
}
