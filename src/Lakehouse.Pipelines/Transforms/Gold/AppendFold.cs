using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Transforms.Rows;

namespace Lakehouse.Pipelines.Transforms.Gold;

/// <summary>
/// The append-only shortcut of an incremental update. When the sources only gained rows since the watermarks (no file
/// was removed) and every aggregate is count, sum, min or max, a group's new value follows from its stored value and
/// the new rows alone: counts and sums add, min and max keep the extreme. Then the sources are not read again at all;
/// only the added files are. count_distinct and avg never qualify (the stored value lacks the distinct set or the
/// count/sum pair), and neither does any removal (a removed value may have been the extreme), so those updates
/// recompute the affected groups from the sources.
/// </summary>
internal static class AppendFold
{
    public static bool Applies(GoldTableDefinition definition, IReadOnlyList<(GoldSource Source, SourceChanges Changes)> changes) =>
        changes.All(c => c.Changes.Removed.Count == 0)
        && definition.Aggregations.All(a => a.Function is Definitions.AggregateFunction.Count or Definitions.AggregateFunction.Sum
            or Definitions.AggregateFunction.Min or Definitions.AggregateFunction.Max);

    /// <summary>A group's stored row with the aggregate of its new rows folded in.</summary>
    public static object?[] Combine(GoldTableDefinition definition, object?[] stored, object?[] added)
    {
        var keys = definition.GroupBy.Count;
        var row = (object?[])stored.Clone();
        for (var a = 0; a < definition.Aggregations.Count; a++)
        {
            var i = keys + a;
            var (old, fresh) = (stored[i], added[i]);
            row[i] = old is null ? fresh : fresh is null ? old : definition.Aggregations[a].Function switch
            {
                Definitions.AggregateFunction.Count or Definitions.AggregateFunction.Sum => Add(old, fresh, definition, a),
                Definitions.AggregateFunction.Min => ValueComparer.Instance.Compare(fresh, old) < 0 ? fresh : old,
                _ => ValueComparer.Instance.Compare(fresh, old) > 0 ? fresh : old,
            };
        }

        return row;
    }

    private static object Add(object a, object b, GoldTableDefinition definition, int aggregate)
    {
        try
        {
            return (a, b) switch
            {
                (long x, long y) => checked(x + y),
                (double x, double y) => x + y,
                (DecimalValue x, DecimalValue y) when x.Scale == y.Scale => new DecimalValue(checked(x.Unscaled + y.Unscaled), x.Scale),
                _ => throw new InvalidOperationException($"Cannot add {a.GetType().Name} and {b.GetType().Name}."),
            };
        }
        catch (OverflowException e)
        {
            throw new TransformException(
                $"Aggregate '{definition.Aggregations[aggregate].Name}' of gold table '{definition.Name}' overflowed while adding new rows; sum a CAST(... AS decimal(38,0)) instead.", e);
        }
    }
}
