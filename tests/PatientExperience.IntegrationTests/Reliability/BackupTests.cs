using System.Diagnostics;
using System.Net;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Reliability;

/// <summary>
/// Backups that restore: <c>deploy/backup.sh</c> runs in the middle of a booking load against the portal running as a
/// real process, <c>deploy/restore.sh</c> puts the backup into a fresh database, and a second portal started on it must
/// hold every write acknowledged before the backup began, answer /health and serve a signed-in page. Runs on the
/// database the run uses (a SQLite file, or PostgreSQL with PE_TEST_DATABASE=postgres).
/// </summary>
/// <remarks>
/// The test fails on a backup that is not a consistent online one: a <c>cp</c> of the SQLite file alone (without its
/// -wal, where the portal's recent commits live in WAL mode until a checkpoint) restores a database missing
/// acknowledged bookings, or one whose last pages are torn; a dump of part of the PostgreSQL database, or one taken
/// table by table outside one snapshot, leaves bookings without their rows.
/// </remarks>
public class BackupTests
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task ABackupTakenMidLoadRestoresEveryWriteAcknowledgedBeforeItBegan()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        var folder = Path.Combine(Path.GetTempPath(), "pe-backup", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var portal = new PortalProcess();
            await portal.StartAsync(ct);
            CrashScenario[] scenarios = [new FrontDeskBookingScenario(), new ComplaintIntakeScenario()];
            foreach (var scenario in scenarios)
                await scenario.PrepareAsync(portal, ct);

            // Three bookings to one complaint: a booking load, with a second kind of write beside it.
            await using var load = new WriteLoad(portal, scenarios, 4, ct, n => scenarios[n % 4 == 0 ? 1 : 0]);
            var acknowledged = load.Acknowledged;
            // Let the load run until each kind of write has been acknowledged a few times.
            await load.WaitUntilEachAsync(6, TimeSpan.FromSeconds(40), ct);
            foreach (var scenario in scenarios)
                Assert.True(acknowledged[scenario].Count >= 6, $"Only {acknowledged[scenario].Count} {scenario.Name} writes succeeded:\n{portal.Output}");

            // What had been acknowledged BEFORE the backup began: all of it is committed, so all of it must be in the backup.
            var beforeBackup = scenarios.ToDictionary(s => s, s => acknowledged[s].ToArray());
            var backup = Path.Combine(folder, TestDatabase.IsPostgres ? "portal.dump" : "portal-backup.db");
            var backupTime = Stopwatch.StartNew();
            var backupRun = await RunScriptAsync("backup.sh", portal.Database, [backup], ct);
            backupTime.Stop();
            Assert.True(backupRun.ExitCode == 0, $"deploy/backup.sh failed ({backupRun.ExitCode}):\n{backupRun.Output}");
            var duringBackup = scenarios.Sum(s => acknowledged[s].Count - beforeBackup[s].Length);

            // The load keeps writing after the backup too: none of that may matter to the restore.
            await Task.Delay(500, ct);
            await load.StopAsync();
            output?.WriteLine($"{scenarios.Sum(s => beforeBackup[s].Length)} writes acknowledged before the backup, {duringBackup} while it ran " +
                $"({backupTime.ElapsedMilliseconds} ms), {scenarios.Sum(s => acknowledged[s].Count)} in all; backup {new FileInfo(backup).Length} bytes\n{backupRun.Output}");

            var restored = TestDatabase.Create(Path.Combine(folder, "restored.db"));
            Assert.NotEqual(portal.Database.Name, restored.Name);
            await using var second = new PortalProcess(restored);
            var restoreRun = await RunScriptAsync("restore.sh", restored, [backup], ct);
            Assert.True(restoreRun.ExitCode == 0, $"deploy/restore.sh failed ({restoreRun.ExitCode}):\n{restoreRun.Output}");
            // Restoring again over the now non-empty database is refused without --force.
            var again = await RunScriptAsync("restore.sh", restored, [backup], ct);
            Assert.True(again.ExitCode != 0, $"deploy/restore.sh overwrote a database that was not empty:\n{again.Output}");

            // StartAsync waits for /health (which checks the database) to answer 200.
            await second.StartAsync(ct);
            foreach (var scenario in scenarios)
            {
                var missing = await scenario.MissingAsync(second, beforeBackup[scenario], ct);
                Assert.True(missing.Count == 0,
                    $"{scenario.Name}: acknowledged before the backup began but missing from the restored database:\n{string.Join("\n", missing)}");
            }

            // The restored portal works: a member of staff signs in and reads back a booking made before the backup.
            var desk = second.NewBrowser();
            await desk.SignInAsync("frontdesk@demo.test", ct);
            var booking = beforeBackup[scenarios[0]][0];
            using var page = await desk.Client.GetAsync($"/frontdesk/appointments/{booking}/booked", ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            using var health = await desk.Client.GetAsync("/health", ct);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed record ScriptRun(int ExitCode, string Output);

    /// <summary>Runs deploy/SCRIPT with the environment a portal on <paramref name="database"/> reads its settings from.</summary>
    private static async Task<ScriptRun> RunScriptAsync(string script, TestDatabase database, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "deploy", script));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__PatientExperience"] = database.ConnectionString;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"bash did not start {script}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ScriptTimeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return new ScriptRun(-1, $"{script} did not finish within {ScriptTimeout}");
        }
        return new ScriptRun(process.ExitCode, (await stdout) + (await stderr));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "deploy", "backup.sh")))
                return dir.FullName;
        }
        throw new FileNotFoundException("deploy/backup.sh not found above the test's folder.");
    }
}
