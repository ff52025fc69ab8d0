using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage;
using PatientExperience.Core.Appointments;

namespace PatientExperience.Infrastructure.Appointments;

/// <summary>
/// The per-search read of a slot search as one command of up to three statements on the request's own connection (and
/// inside its transaction, if one is open): the set-up version, the busy blocks, and the cells held for the waitlist.
/// Plain SQL the three engines share (quoted names, named parameters), so a search costs one round trip and no LINQ
/// translation: EF's own query was twice the raw read (docs/performance.md). The predicates are those the EF queries
/// had; the (ClinicianId, BlockStartUtc) index and the open-hold index serve them.
/// </summary>
public sealed class BusyTimeReader(AppDbContext db) : IBusyTimeReader
{
    private static readonly TimeSpan Cell = TimeSpan.FromMinutes(TimeCell.CellMinutes);

    public async Task<BusyTimes> ReadAsync(BusyTimeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = CommandText(query);
        Add(command, "@stamp", ReferenceDataStamp.RowId);
        if (query.ClinicianIds.Count > 0)
        {
            for (var i = 0; i < query.ClinicianIds.Count; i++)
                Add(command, "@c" + i.ToString(CultureInfo.InvariantCulture), query.ClinicianIds[i]);
            Add(command, "@earliest", query.EarliestBlockStart);
            Add(command, "@start", query.WindowStart);
            Add(command, "@end", query.WindowEnd);
            if (query.IgnoreAppointmentId is { } appointment)
                Add(command, "@appointment", appointment);
            if (query.IgnoreHoldId is { } hold)
                Add(command, "@hold", hold);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var version = await reader.ReadAsync(cancellationToken) ? reader.GetInt64(0) : 0;
            var busy = new List<(int ClinicianId, BusyInterval Block)>();
            if (query.ClinicianIds.Count > 0)
            {
                await reader.NextResultAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    busy.Add((reader.GetInt32(0), new BusyInterval(Utc(reader.GetDateTime(1)), Utc(reader.GetDateTime(2)))));
                await reader.NextResultAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var start = Utc(reader.GetDateTime(1));
                    busy.Add((reader.GetInt32(0), new BusyInterval(start, start + Cell)));
                }
            }
            return new BusyTimes(version, busy.ToLookup(b => b.ClinicianId, b => b.Block));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The command's text, the same on every engine. Public so tools/PatientExperience.SqlServerCheck parses exactly
    /// this text as T-SQL (quoted identifiers on, as SqlClient sends them).
    /// </summary>
    public static string CommandText(BusyTimeQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder("""SELECT "Version" FROM "ReferenceDataStamps" WHERE "Id" = @stamp;""");
        if (query.ClinicianIds.Count == 0)
            return sql.ToString();
        var ids = string.Join(", ", Enumerable.Range(0, query.ClinicianIds.Count).Select(i => "@c" + i.ToString(CultureInfo.InvariantCulture)));
        // Appointment and hold statuses are stored as their names (HasConversion<string>).
        sql.Append(CultureInfo.InvariantCulture, $"""

            SELECT "ClinicianId", "BlockStartUtc", "BlockEndUtc" FROM "Appointments"
            WHERE "ClinicianId" IN ({ids}) AND "BlockStartUtc" > @earliest AND "BlockStartUtc" < @end AND "BlockEndUtc" > @start
            AND "Status" <> '{nameof(AppointmentStatus.Cancelled)}'
            """);
        if (query.IgnoreAppointmentId is not null)
            sql.Append(""" AND "Id" <> @appointment""");
        sql.Append(CultureInfo.InvariantCulture, $"""
            ;
            SELECT o."ClinicianId", c."CellStartUtc" FROM "WaitlistOffers" o JOIN "TimeCells" c ON c."HoldId" = o."Id"
            WHERE o."Status" = '{nameof(OfferStatus.Open)}' AND o."ClinicianId" IN ({ids}) AND o."StartUtc" > @earliest AND o."StartUtc" < @end
            """);
        if (query.IgnoreHoldId is not null)
            sql.Append(""" AND o."Id" <> @hold""");
        return sql.Append(';').ToString();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>SQLite and SQL Server hand back no kind; every stored time is UTC.</summary>
    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
