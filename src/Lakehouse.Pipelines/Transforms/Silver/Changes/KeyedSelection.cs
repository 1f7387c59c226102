using System.Runtime.CompilerServices;
using Lakehouse.Pipelines.Transforms.Rows;

namespace Lakehouse.Pipelines.Transforms.Silver.Changes;

/// <summary>
/// One row per distinct key among some rows of a <see cref="ChangeSet"/>: the greatest sequence value wins, ties go to
/// the row seen last (input order), NULL sequences lose to any value; without a sequence column the first row seen is
/// kept. Keys are numbered by a <see cref="KeyTable"/> so callers keep per-key state in arrays.
/// </summary>
internal sealed class KeyedSelection
{
    private KeyedSelection(KeyTable keys, RowRef[] winners, int[] positions)
    {
        Keys = keys;
        Winners = winners;
        Positions = positions;
    }

    public KeyTable Keys { get; }

    /// <summary>The winning row of key number i.</summary>
    public RowRef[] Winners { get; }

    /// <summary>The winning row's position in the input rows, per key number.</summary>
    public int[] Positions { get; }

    public int Count => Keys.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static KeyedSelection Select(ChangeSet changes, ReadOnlySpan<RowRef> rows, IReadOnlyList<string> keyNames, string? sequence)
    {
        var encoders = new KeyEncoder[changes.Batches.Count];
        for (var b = 0; b < encoders.Length; b++)
        {
            encoders[b] = KeyEncoder.For(changes.Batches[b], keyNames);
        }

        var sequences = sequence is null ? null : changes.Columns(sequence);
        var keys = new KeyTable(rows.Length);
        var positions = new int[Math.Max(16, rows.Length)];
        var buffer = new byte[64];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var id = keys.FindOrAdd(encoders[row.Batch].Encode(row.Row, ref buffer), out var added);
            if (added)
            {
                positions[id] = i;
            }
            else if (sequences is not null)
            {
                var current = rows[positions[id]];
                if (VectorComparer.Compare(sequences[row.Batch], row.Row, sequences[current.Batch], current.Row) >= 0)
                {
                    positions[id] = i;
                }
            }
        }

        var winners = new RowRef[keys.Count];
        for (var id = 0; id < winners.Length; id++)
        {
            winners[id] = rows[positions[id]];
        }

        return new KeyedSelection(keys, winners, positions[..keys.Count]);
    }

    /// <summary>The winners in input order.</summary>
    public RowRef[] InInputOrder(ReadOnlySpan<RowRef> rows)
    {
        var order = (int[])Positions.Clone();
        Array.Sort(order);
        var result = new RowRef[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            result[i] = rows[order[i]];
        }

        return result;
    }
}
