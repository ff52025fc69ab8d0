using System.Buffers.Binary;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Counts per whole value (value → how many), the pre-aggregated form every dashboard formula works on:
/// wait minutes, 0–10 scores, 1–5 ratings. Values are 0..<see cref="MaxValue"/>; merging two is adding counts, so daily
/// rollups combine into any period without going back to the rows.
/// </summary>
public sealed class Histogram
{
    public const int MaxValue = ushort.MaxValue;
    private const int EntryBytes = 6;

    private long[] _counts = new long[16];

    public Histogram()
    {
    }

    public Histogram(IEnumerable<KeyValuePair<int, long>> counts)
    {
        foreach (var (value, count) in counts)
            Add(value, count);
    }

    /// <summary>Everything counted.</summary>
    public long Total { get; private set; }

    /// <summary>One above the largest value with a count (0 when empty).</summary>
    public int Length { get; private set; }

    public long this[int value] => value >= 0 && value < Length ? _counts[value] : 0;

    public void Add(int value, long count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxValue);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
            return;
        if (value >= _counts.Length)
            Array.Resize(ref _counts, Math.Max(value + 1, _counts.Length * 2));
        _counts[value] += count;
        Total += count;
        if (value >= Length)
            Length = value + 1;
    }

    public void Add(Histogram other)
    {
        for (var v = 0; v < other.Length; v++)
        {
            if (other._counts[v] != 0)
                Add(v, other._counts[v]);
        }
    }

    /// <summary>Adds a histogram stored by <see cref="ToBytes"/> without building it first.</summary>
    public void AddBytes(ReadOnlySpan<byte> data)
    {
        for (var i = 0; i + EntryBytes <= data.Length; i += EntryBytes)
            Add(BinaryPrimitives.ReadUInt16LittleEndian(data[i..]), BinaryPrimitives.ReadUInt32LittleEndian(data[(i + 2)..]));
    }

    /// <summary>(value, count) pairs with a count, in value order.</summary>
    public IEnumerable<KeyValuePair<int, long>> Entries()
    {
        for (var v = 0; v < Length; v++)
        {
            if (_counts[v] != 0)
                yield return new KeyValuePair<int, long>(v, _counts[v]);
        }
    }

    /// <summary>How many have a value in [from, to] (inclusive).</summary>
    public long CountBetween(int from, int to)
    {
        long n = 0;
        for (var v = Math.Max(0, from); v <= to && v < Length; v++)
            n += _counts[v];
        return n;
    }

    /// <summary>Compact storage: 6 bytes per value present (value as uint16, count as uint32, little-endian).</summary>
    public byte[] ToBytes()
    {
        var entries = Entries().ToList();
        var bytes = new byte[entries.Count * EntryBytes];
        for (var i = 0; i < entries.Count; i++)
        {
            var count = entries[i].Value;
            if (count > uint.MaxValue)
                throw new InvalidOperationException("A count too large to store.");
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * EntryBytes), (ushort)entries[i].Key);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((i * EntryBytes) + 2), (uint)count);
        }
        return bytes;
    }

    public static Histogram FromBytes(ReadOnlySpan<byte> data)
    {
        var histogram = new Histogram();
        histogram.AddBytes(data);
        return histogram;
    }

    public static Histogram Of(params int[] values)
    {
        var histogram = new Histogram();
        foreach (var value in values)
            histogram.Add(value);
        return histogram;
    }
}
