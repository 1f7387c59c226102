using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;

namespace Lakehouse.Pipelines.Sources;

/// <summary>
/// Applies <c>schemaHints</c> to an inferred schema: a hinted column takes the hinted type; a hinted column the file
/// lacks is added at the end (as Auto Loader does), so the table gets it even before data for it arrives.
/// </summary>
internal static class SchemaHintsApplier
{
    public static StructType Apply(StructType inferred, IReadOnlyList<SchemaHint> hints, IReadOnlySet<string> reserved)
    {
        if (hints.Count == 0)
        {
            return inferred;
        }

        var fields = inferred.Fields.ToList();
        foreach (var hint in hints)
        {
            if (reserved.Contains(hint.Column))
            {
                continue;
            }

            var index = fields.FindIndex(f => string.Equals(f.Name, hint.Column, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                fields[index] = fields[index] with { Type = hint.Type };
            }
            else
            {
                fields.Add(new StructField(hint.Column, hint.Type));
            }
        }

        return new StructType(fields);
    }
}
