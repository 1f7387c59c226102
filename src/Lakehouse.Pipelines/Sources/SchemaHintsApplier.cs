using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;

namespace Lakehouse.Pipelines.Sources;

/// <summary>
/// Applies <c>schemaHints</c> to an inferred schema: a hinted column takes the hinted type; a hinted column the file
/// lacks is added at the end (as Auto Loader does), so the table gets it even before data for it arrives. A nested
/// hint (<c>address.zip</c>) sets the type of that field inside the struct, adding the field (and the struct) when the
/// sample did not show them; the hint wins over inference, so a column inferred as something other than a struct
/// becomes a struct holding the hinted field, and values that do not fit are rescued.
/// </summary>
internal static class SchemaHintsApplier
{
    public static StructType Apply(StructType inferred, IReadOnlyList<SchemaHint> hints, IReadOnlySet<string> reserved)
    {
        if (hints.Count == 0)
        {
            return inferred;
        }

        var schema = inferred;
        foreach (var hint in hints)
        {
            if (!reserved.Contains(hint.Path[0]))
            {
                schema = Apply(schema, hint.Path, 0, hint.Type);
            }
        }

        return schema;
    }

    private static StructType Apply(StructType schema, IReadOnlyList<string> path, int depth, DataType type)
    {
        var fields = schema.Fields.ToList();
        var name = path[depth];
        var index = fields.FindIndex(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        DataType newType;
        if (depth == path.Count - 1)
        {
            newType = type;
        }
        else
        {
            var inner = index >= 0 && fields[index].Type is StructType st ? st : new StructType();
            newType = Apply(inner, path, depth + 1, type);
        }

        if (index >= 0)
        {
            fields[index] = fields[index] with { Type = newType };
        }
        else
        {
            fields.Add(new StructField(name, newType));
        }

        return new StructType(fields);
    }
}
