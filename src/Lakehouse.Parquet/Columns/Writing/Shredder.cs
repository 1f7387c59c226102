using System.Runtime.CompilerServices;
using Lakehouse.Parquet.Data;
using Lakehouse.Parquet.Schema;

namespace Lakehouse.Parquet.Columns.Writing;

/// <summary>
/// Dremel shredding: turns rows of a top-level vector into definition/repetition levels and value indices per leaf
/// (parquet-format "Nested Encoding"). Flat primitive columns take a bulk path without recursion.
/// </summary>
internal sealed class Shredder(IReadOnlyList<LeafBatch> leaves)
{
    public void Shred(FieldNode field, ColumnVector vector, int start, int end)
    {
        if (field.Kind == NodeKind.Primitive)
        {
            ShredFlat(field, vector, start, end);
            return;
        }

        for (var i = start; i < end; i++)
        {
            Shred(field, vector, i, 0, 0);
        }
    }

    /// <summary>
    /// A flat column: slices whose rows are all present or all null become uniform batches (a range, no per-row
    /// levels or indices); mixed slices get a definition level per row and the indices of the present values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ShredFlat(FieldNode field, ColumnVector vector, int start, int end)
    {
        var leaf = leaves[field.LeafIndex];
        var count = end - start;
        var present = field.Optional ? 1 : 0;
        if (!vector.HasNulls)
        {
            leaf.SetUniform(vector, start, count, present, present: true);
            return;
        }

        var nulls = vector.NullMask.Span.Slice(start, count);
        var firstNull = nulls.IndexOf(true);
        if (firstNull < 0)
        {
            leaf.SetUniform(vector, start, count, present, present: true);
            return;
        }

        if (!field.Optional)
        {
            throw NullInRequired(field);
        }

        if (nulls.IndexOf(false) < 0)
        {
            leaf.SetUniform(vector, start, count, 0, present: false);
            return;
        }

        leaf.Vector = vector;
        leaf.LevelCount = count;
        leaf.Def.Ensure(count);
        leaf.ValueIndices.Ensure(count);
        var def = leaf.Def.Array.AsSpan(0, count);
        var indices = leaf.ValueIndices.Array;
        var values = 0;
        for (var i = 0; i < count; i++)
        {
            var isNull = nulls[i];
            def[i] = isNull ? 0 : 1;
            indices[values] = start + i;
            values += isNull ? 0 : 1;
        }

        leaf.Def.Advance(count);
        leaf.ValueIndices.Advance(values);
    }

    private void Shred(FieldNode node, ColumnVector vector, int index, int def, int rep)
    {
        if (vector.IsNull(index))
        {
            if (!node.Optional)
            {
                throw NullInRequired(node);
            }

            EmitNull(node, def, rep);
            return;
        }

        var d = def + (node.Optional ? 1 : 0);
        switch (node.Kind)
        {
            case NodeKind.Primitive:
                var leaf = leaves[node.LeafIndex];
                leaf.Vector = vector;
                Emit(leaf, d, rep);
                leaf.ValueIndices.Add(index);
                break;
            case NodeKind.Struct:
                var sv = (StructVector)vector;
                for (var k = 0; k < node.Children.Count; k++)
                {
                    Shred(node.Children[k], sv.Children[k], index, d, rep);
                }

                break;
            case NodeKind.List:
                var lv = (ListVector)vector;
                var ls = lv.Offsets[index];
                var le = lv.Offsets[index + 1];
                if (ls == le)
                {
                    EmitNull(node, d, rep);
                }

                for (var j = ls; j < le; j++)
                {
                    Shred(node.Children[0], lv.Elements, j, d + 1, j == ls ? rep : node.RepLevel);
                }

                break;
            case NodeKind.Map:
                var mv = (MapVector)vector;
                var ms = mv.Offsets[index];
                var me = mv.Offsets[index + 1];
                if (ms == me)
                {
                    EmitNull(node, d, rep);
                }

                for (var j = ms; j < me; j++)
                {
                    var r = j == ms ? rep : node.RepLevel;
                    Shred(node.Children[0], mv.Keys, j, d + 1, r);
                    Shred(node.Children[1], mv.Values, j, d + 1, r);
                }

                break;
        }
    }

    /// <summary>Every leaf under <paramref name="node"/> gets one level entry with no value.</summary>
    private void EmitNull(FieldNode node, int def, int rep)
    {
        for (var l = node.FirstLeaf; l < node.EndLeaf; l++)
        {
            Emit(leaves[l], def, rep);
        }
    }

    private static void Emit(LeafBatch leaf, int def, int rep)
    {
        leaf.Def.Add(def);
        leaf.Rep.Add(rep);
        leaf.LevelCount++;
    }

    private static ParquetFormatException NullInRequired(FieldNode node) =>
        new($"Column '{node.Name}' is declared not null (required) but a null value was written. Declare the field nullable or remove the nulls.");
}
