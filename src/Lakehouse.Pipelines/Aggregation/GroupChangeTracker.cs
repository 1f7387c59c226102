using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Aggregation;

/// <summary>
/// Finds the groups whose input changed between two versions of a source, given the rows that left (removed files)
/// and the rows that arrived (added files). Per group it keeps a multiset fingerprint of the rows' aggregate inputs
/// (key and argument values): two independent 64-bit row hashes summed with sign ±1, and the net row count. Every
/// aggregate (count, count_distinct, sum, min, max, avg) is a function of that multiset, so a group whose fingerprint
/// and count net to zero (a rewritten file that carried the row unchanged) cannot have a different result; any other
/// group is affected. A false "unchanged" needs a 128-bit sum collision. Memory follows the groups touched, not rows.
/// </summary>
internal sealed class GroupChangeTracker
{
    private const ulong Seed1 = 0x243F6A8885A308D3UL;
    private const ulong Seed2 = 0x13198A2E03707344UL;
    private readonly HashAggregator _plan;
    private readonly GroupTable _groups;
    private ulong[] _first = new ulong[64];
    private ulong[] _second = new ulong[64];
    private long[] _net = new long[64];
    private byte[] _scratch = new byte[256];

    /// <param name="plan">The gold aggregation over this source (its keys and argument expressions are evaluated).</param>
    public GroupChangeTracker(HashAggregator plan)
    {
        _plan = plan;
        _groups = new GroupTable(plan.KeyTypes);
    }

    /// <summary>Rows folded in so far (removed and added).</summary>
    public long Rows { get; private set; }

    /// <summary>Folds rows (already through the gold filter) that left the source (<paramref name="removed"/>) or arrived.</summary>
    public void Add(RecordBatch batch, EvaluationContext context, bool removed)
    {
        var chunk = _plan.ChunkRows(batch);
        for (var offset = 0; offset < batch.RowCount; offset += chunk)
        {
            var rows = Math.Min(chunk, batch.RowCount - offset);
            var keys = _plan.EvaluateKeys(batch, context, offset, rows);
            var arguments = _plan.EvaluateArguments(batch, context, offset, rows);
            var ids = _groups.Assign(keys, rows);
            Grow(_groups.GroupCount);
            var sign = removed ? ulong.MaxValue : 1UL; // -1 or +1 in two's complement
            for (var r = 0; r < rows; r++)
            {
                var length = RowBytes.Write(keys, r, ref _scratch, 0);
                length = RowBytes.Write(arguments, r, ref _scratch, length);
                var bytes = _scratch.AsSpan(0, length);
                var g = ids[r];
                _first[g] += unchecked(sign * RowBytes.Hash(bytes, Seed1));
                _second[g] += unchecked(sign * RowBytes.Hash(bytes, Seed2));
                _net[g] += removed ? -1 : 1;
            }

            Rows += rows;
        }
    }

    /// <summary>The keys of the groups whose input changed, one vector per key column, and their count.</summary>
    public (IReadOnlyList<ColumnVector> Keys, int Count) AffectedKeys()
    {
        var affected = new List<int>();
        for (var g = 0; g < _groups.GroupCount; g++)
        {
            if (_first[g] != 0 || _second[g] != 0 || _net[g] != 0)
            {
                affected.Add(g);
            }
        }

        var rows = affected.ToArray();
        return (_groups.KeyVectors.Select(v => RecordBatchRows.Take(v, rows)).ToArray(), rows.Length);
    }

    private void Grow(int groups)
    {
        if (_first.Length >= groups)
        {
            return;
        }

        var size = Math.Max(groups, _first.Length * 2);
        Array.Resize(ref _first, size);
        Array.Resize(ref _second, size);
        Array.Resize(ref _net, size);
    }
}
