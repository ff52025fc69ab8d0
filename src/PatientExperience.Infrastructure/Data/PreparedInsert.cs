using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PatientExperience.Infrastructure.Data;

/// <summary>
/// One prepared INSERT for an entity type, with table, columns and value conversions taken from the EF model, for
/// writing many rows fast (demo data, load data). Store-generated columns (identity ids) are left to the database and
/// not read back. It skips the change tracker and so the interceptors: callers set
/// <see cref="Core.Common.AuditableEntity.CreatedAtUtc"/> themselves. The connection must be open.
/// </summary>
public sealed class PreparedInsert<T> : IAsyncDisposable where T : class
{
    private readonly DbCommand _command;
    private readonly (IClrPropertyGetter Getter, ValueConverter? Converter, DbParameter Parameter)[] _bindings;
    private bool _prepared;

    /// <param name="db">The context whose model and connection to use.</param>
    /// <param name="skipShadowProperties">
    /// Leave shadow properties out (their columns take the database default). Otherwise a shadow property is an error,
    /// because this writes only CLR properties.
    /// </param>
    public PreparedInsert(DbContext db, bool skipShadowProperties = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = entityType.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToArray();
        if (skipShadowProperties)
            properties = properties.Where(p => !p.IsShadowProperty()).ToArray();
        else if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} is a shadow property; PreparedInsert only writes CLR properties.");

        _command = db.Database.GetDbConnection().CreateCommand();
        var columns = new List<string>(properties.Length);
        var placeholders = new List<string>(properties.Length);
        _bindings = new (IClrPropertyGetter, ValueConverter?, DbParameter)[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var property = properties[i];
            var mapping = property.GetRelationalTypeMapping();
            var name = "p" + i.ToString(CultureInfo.InvariantCulture);
            var parameter = mapping.CreateParameter(_command, sql.GenerateParameterName(name), null, property.IsNullable);
            _command.Parameters.Add(parameter);
            columns.Add(sql.DelimitIdentifier(property.GetColumnName(table)!));
            placeholders.Add(sql.GenerateParameterNamePlaceholder(name));
            _bindings[i] = (property.GetGetter(), mapping.Converter, parameter);
        }
        _command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", placeholders)})";
    }

    /// <summary>Inserts the rows, one execution each, inside <paramref name="transaction"/> (or none).</summary>
    public async Task WriteAsync(IEnumerable<T> rows, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _command.Transaction = transaction;
        if (!_prepared)
        {
            await _command.PrepareAsync(cancellationToken);
            _prepared = true;
        }
        foreach (var row in rows)
        {
            foreach (var (getter, converter, parameter) in _bindings)
            {
                var value = getter.GetClrValue(row);
                parameter.Value = (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
            }
            await _command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
