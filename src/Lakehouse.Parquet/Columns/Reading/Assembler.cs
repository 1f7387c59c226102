using Lakehouse.Parquet.Data;
using Lakehouse.Parquet.Schema;

namespace Lakehouse.Parquet.Columns.Reading;

/// <summary>
/// Dremel record assembly: rebuilds a top-level vector from its leaves' levels and dense values. Flat primitive
/// columns take a bulk path; nested columns walk the field tree per row, the first leaf under a node deciding its
/// structure (null, empty, or how many entries) and every leaf consuming its own levels.
/// </summary>
internal sealed class Assembler(IReadOnlyList<LeafData> leaves)
{
    public ColumnVector Assemble(FieldNode field, int rows)
    {
        if (field.Kind == NodeKind.Primitive)
        {
            return Flat(field, leaves[field.LeafIndex], rows);
        }

        var vector = ColumnVector.Create(field.Type, rows);
        for (var r = 0; r < rows; r++)
        {
            if (leaves[field.FirstLeaf].Position >= leaves[field.FirstLeaf].LevelCount)
            {
                throw new InvalidDataException($"Column '{field.Name}' has fewer records than the row group's {rows} rows.");
            }

            Read(field, vector);
        }

        for (var l = field.FirstLeaf; l < field.EndLeaf; l++)
        {
            if (leaves[l].Position != leaves[l].LevelCount || leaves[l].ValuePosition != leaves[l].Values.Count)
            {
                throw new InvalidDataException($"Column '{field.Name}': leaf {l - field.FirstLeaf} has levels or values left over after {rows} rows.");
            }
        }

        return vector;
    }

    private static ColumnVector Flat(FieldNode field, LeafData leaf, int rows)
    {
        if (leaf.LevelCount != rows)
        {
            throw new InvalidDataException($"Column '{field.Name}' has {leaf.LevelCount} values, the row group has {rows} rows.");
        }

        if (leaf.Def is null || leaf.Values.Count == rows)
        {
            if (leaf.Values.Count != rows)
            {
                throw new InvalidDataException($"Column '{field.Name}' has {leaf.Values.Count} values, the row group has {rows} rows.");
            }

            return leaf.Values;
        }

        var target = ColumnVector.Create(field.Type, rows);
        var def = leaf.Def.AsSpan(0, rows);
        var max = (byte)field.DefLevel;
        switch (leaf.Values)
        {
            case Int32Vector v: Scatter(v, (Int32Vector)target, def, max); break;
            case Int64Vector v: Scatter(v, (Int64Vector)target, def, max); break;
            case DoubleVector v: Scatter(v, (DoubleVector)target, def, max); break;
            case FloatVector v: Scatter(v, (FloatVector)target, def, max); break;
            case DecimalVector v: Scatter(v, (DecimalVector)target, def, max); break;
            case BooleanVector v: Scatter(v, (BooleanVector)target, def, max); break;
            case BinaryVector v:
                var b = (BinaryVector)target;
                var k = 0;
                foreach (var d in def)
                {
                    if (d == max)
                    {
                        b.Append(v.GetBytes(k++));
                    }
                    else
                    {
                        b.AppendNull();
                    }
                }

                break;
        }

        return target;
    }

    private static void Scatter<T>(PrimitiveVector<T> source, PrimitiveVector<T> target, ReadOnlySpan<byte> def, byte max)
        where T : unmanaged
    {
        var values = source.Values;
        var k = 0;
        foreach (var d in def)
        {
            if (d == max)
            {
                target.Append(values[k++]);
            }
            else
            {
                target.AppendNull();
            }
        }
    }

    private void Read(FieldNode node, ColumnVector target)
    {
        var first = leaves[node.FirstLeaf];
        var d = first.Def is null ? 0 : first.Def[first.Position];
        if (node.Optional && d < node.DefLevel)
        {
            target.AppendNull();
            Skip(node);
            return;
        }

        switch (node.Kind)
        {
            case NodeKind.Primitive:
                if (d >= node.DefLevel)
                {
                    if (first.ValuePosition >= first.Values.Count)
                    {
                        throw new InvalidDataException($"Column '{node.Name}' has fewer values than its definition levels announce.");
                    }

                    AppendFrom(first.Values, first.ValuePosition++, target);
                }
                else
                {
                    target.AppendNull();
                }

                first.Position++;
                break;
            case NodeKind.Struct:
                var sv = (StructVector)target;
                for (var k = 0; k < node.Children.Count; k++)
                {
                    Read(node.Children[k], sv.Children[k]);
                }

                sv.EndEntry();
                break;
            case NodeKind.List:
                var lv = (ListVector)target;
                if (d < node.EntryDefLevel)
                {
                    Skip(node);
                }
                else
                {
                    do
                    {
                        Read(node.Children[0], lv.Elements);
                    }
                    while (Continues(first, node.RepLevel));
                }

                lv.EndEntry();
                break;
            case NodeKind.Map:
                var mv = (MapVector)target;
                if (d < node.EntryDefLevel)
                {
                    Skip(node);
                }
                else
                {
                    do
                    {
                        Read(node.Children[0], mv.Keys);
                        Read(node.Children[1], mv.Values);
                    }
                    while (Continues(first, node.RepLevel));
                }

                mv.EndEntry();
                break;
        }
    }

    private static bool Continues(LeafData leaf, int repLevel) =>
        leaf.Position < leaf.LevelCount && leaf.Rep is not null && leaf.Rep[leaf.Position] >= repLevel;

    /// <summary>A null or empty node consumes exactly one level entry in every leaf under it.</summary>
    private void Skip(FieldNode node)
    {
        for (var l = node.FirstLeaf; l < node.EndLeaf; l++)
        {
            var leaf = leaves[l];
            if (leaf.Position >= leaf.LevelCount)
            {
                throw new InvalidDataException($"Column '{node.Name}': leaf {l} ran out of levels.");
            }

            leaf.Position++;
        }
    }

    private static void AppendFrom(ColumnVector source, int index, ColumnVector target)
    {
        switch (target)
        {
            case Int32Vector t: t.Append(((Int32Vector)source).Values[index]); break;
            case Int64Vector t: t.Append(((Int64Vector)source).Values[index]); break;
            case DoubleVector t: t.Append(((DoubleVector)source).Values[index]); break;
            case FloatVector t: t.Append(((FloatVector)source).Values[index]); break;
            case DecimalVector t: t.Append(((DecimalVector)source).Values[index]); break;
            case BooleanVector t: t.Append(((BooleanVector)source).Values[index]); break;
            case BinaryVector t: t.Append(((BinaryVector)source).GetBytes(index)); break;
            default: throw new InvalidDataException($"Cannot assemble {target.Type} values.");
        }
    }
}
