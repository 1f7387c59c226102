using Lakehouse.Pipelines.Transforms.Rows;

namespace Lakehouse.Pipelines.Transforms.Silver;

/// <summary>
/// SCD type 2 (Lakeflow AUTO CDC ... STORED AS SCD TYPE 2): every version of a key is a row valid over
/// [<c>__START_AT</c>, <c>__END_AT</c>) in sequence values; the current row has a NULL <c>__END_AT</c>. A key's history is
/// rebuilt from its stored rows plus the new changes ordered by sequence, so an out-of-order older change is slotted
/// into the past (closing at the next version's start) and never becomes current; a change whose sequence is already
/// in the history is ignored (replays are idempotent). A delete closes the version it follows.
/// </summary>
/// <remarks>
/// A delete that closes a version is remembered by that row's <c>__END_AT</c>, so a later-arriving older update is
/// slotted before it and never reopens the row. A delete that closes nothing (it arrived before any version of the
/// key, or precedes all of them) leaves no row behind: such deletes are remembered by the tombstones
/// (<paramref name="tombstones"/>, effective ones per key), which join the history as delete events, so an older
/// insert arriving later is closed at the delete instead of becoming current. Every applied delete is reported in
/// <see cref="AppliedDeletes"/> for the tombstone table.
/// </remarks>
internal sealed class Scd2Resolver(Dictionary<RowKey, List<ChangeRow>> changes, IReadOnlyDictionary<RowKey, List<object>> tombstones, int startIndex, int endIndex)
{
    /// <summary>Key and sequence of every delete applied (to record as tombstones).</summary>
    public List<(RowKey Key, object Sequence)> AppliedDeletes { get; } = [];

    public long VersionsAdded { get; private set; }

    public long Deleted { get; private set; }

    public long Ignored { get; private set; }

    public IEnumerable<object?[]> Resolve(RowKey key, List<object?[]> existing)
    {
        var events = new SortedDictionary<object, (object?[]? Row, bool IsDelete)>(ValueComparer.Instance);
        var starts = new HashSet<object?>(existing.Select(r => r[startIndex]), ValueComparer.Instance);
        foreach (var row in existing)
        {
            if (row[startIndex] is { } start)
            {
                events[start] = (row, false);
            }
        }

        foreach (var row in existing)
        {
            if (row[endIndex] is { } end && !starts.Contains(end))
            {
                events.TryAdd(end, (null, true));
            }
        }

        if (tombstones.TryGetValue(key, out var deletes))
        {
            foreach (var sequence in deletes)
            {
                events.TryAdd(sequence, (null, true));
            }
        }

        var fromChanges = new HashSet<object?>(ValueComparer.Instance);
        foreach (var change in changes[key])
        {
            // Already in the stored history: a replay. Same sequence twice in this batch: the later row wins.
            if (change.Sequence is null || (events.ContainsKey(change.Sequence) && !fromChanges.Contains(change.Sequence)))
            {
                Ignored++;
                continue;
            }

            fromChanges.Add(change.Sequence);

            events[change.Sequence] = (change.IsDelete ? null : change.Values, change.IsDelete);
            if (change.IsDelete)
            {
                Deleted++;
            }
            else
            {
                VersionsAdded++;
            }
        }

        foreach (var sequence in fromChanges)
        {
            if (events[sequence!].IsDelete)
            {
                AppliedDeletes.Add((key, sequence!));
            }
        }

        var output = new List<object?[]>();
        object?[]? current = null;
        foreach (var (sequence, (row, isDelete)) in events)
        {
            if (current is not null)
            {
                current[endIndex] = sequence;
                output.Add(current);
                current = null;
            }

            if (!isDelete)
            {
                current = (object?[])row!.Clone();
                current[startIndex] = sequence;
                current[endIndex] = null;
            }
        }

        if (current is not null)
        {
            output.Add(current);
        }

        return output;
    }
}
