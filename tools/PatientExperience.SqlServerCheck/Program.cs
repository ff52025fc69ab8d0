using PatientExperience.Infrastructure.Data;
using PatientExperience.SqlServerCheck;

// Parses with SQL Server's own parser everything the portal would send to SQL Server that can be produced without one:
// the idempotent migration script, the SQL Server dialect's statements, and EF Core's translation of the main queries.
// Exit code 0 when all of it parses, 1 otherwise. "--show" prints each generated statement too. In CI:
//   dotnet ef migrations script --idempotent --no-build --project src/PatientExperience.Migrations.SqlServer \
//     --startup-project src/PatientExperience.Web --output artifacts/sqlserver-migrate.sql -- --Database:Provider=SqlServer
//   dotnet run --no-build --project tools/PatientExperience.SqlServerCheck -- artifacts/sqlserver-migrate.sql
var show = args.Contains("--show");
var paths = args.Where(a => a != "--show").ToList();
if (paths.Count != 1)
{
    Console.Error.WriteLine("Usage: PatientExperience.SqlServerCheck <sqlserver-migrate.sql> [--show]");
    return 1;
}
var scriptPath = paths[0];
if (!File.Exists(scriptPath))
{
    Console.Error.WriteLine($"Migration script not found: {scriptPath}");
    return 1;
}

var errors = 0;
void Report(string source, IReadOnlyList<string> found)
{
    foreach (var error in found)
        Console.Error.WriteLine($"{source}: {error}");
    errors += found.Count;
}

var scriptLines = File.ReadLines(scriptPath).Count();
using (var reader = File.OpenText(scriptPath))
    Report(scriptPath, TSqlCheck.Parse(reader));

var statements = SqlServerDialect.Statements;
for (var i = 0; i < statements.Count; i++)
    Report($"SqlServerDialect.Statements[{i}]", TSqlCheck.Parse(statements[i]));

var queries = await SqlServerQueries.AllAsync();
foreach (var query in queries)
{
    if (show)
        Console.WriteLine($"-- {query.Name}\n{query.Sql}\n");
    var found = TSqlCheck.Parse(query.Sql);
    if (found.Count > 0)
        Console.Error.WriteLine($"-- {query.Name}\n{query.Sql}\n");
    Report(query.Name, found);
}

Console.WriteLine($"SQL Server parse check: migration script {scriptLines} lines, {statements.Count} dialect statements, {queries.Count} queries: {errors} errors");
return errors == 0 ? 0 : 1;
