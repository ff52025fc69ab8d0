using System.Linq.Expressions;

namespace PatientExperience.Core.Dashboards;

/// <summary>Reads the rows of a <see cref="RollupPlan"/> in one query instead of one per piece.</summary>
public static class RollupQuery
{
    /// <summary>What one piece's condition compares with (read by EF as query parameters).</summary>
    private sealed record PieceValues(RollupGrain Grain, int ServiceId, DateOnly From, DateOnly To);

    /// <summary>
    /// The rows of <paramref name="serviceId"/> (or all services) in any of the pieces: <c>(Grain = g AND ServiceId = s
    /// AND Start BETWEEN f AND t) OR …</c>, each term a range of the rollup tables' key, so the database reads each range
    /// along the key in one statement. Works for every rollup entity (they share Grain, ServiceId and Start).
    /// </summary>
    public static IQueryable<T> InPieces<T>(this IQueryable<T> rows, IReadOnlyList<RollupPiece> pieces, int serviceId)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        var row = Expression.Parameter(typeof(T), "r");
        Expression? any = null;
        foreach (var piece in pieces)
        {
            var values = Expression.Constant(new PieceValues(piece.Grain, serviceId, piece.From, piece.To));
            Expression Column(string name) => Expression.Property(row, name);
            Expression Value(string name) => Expression.Property(values, name);
            var term = Expression.AndAlso(
                Expression.AndAlso(
                    Expression.Equal(Column(nameof(PieceValues.Grain)), Value(nameof(PieceValues.Grain))),
                    Expression.Equal(Column(nameof(PieceValues.ServiceId)), Value(nameof(PieceValues.ServiceId)))),
                Expression.AndAlso(
                    Expression.GreaterThanOrEqual(Column("Start"), Value(nameof(PieceValues.From))),
                    Expression.LessThanOrEqual(Column("Start"), Value(nameof(PieceValues.To)))));
            any = any is null ? term : Expression.OrElse(any, term);
        }
        return any is null
            ? rows.Where(_ => false)
            : rows.Where(Expression.Lambda<Func<T, bool>>(any, row));
    }
}
