using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;

namespace Lakehouse.Pipelines.Sources;

/// <summary>
/// Decides the bronze table's schema after a file, per <see cref="SchemaEvolutionMode"/> (a pure function).
/// Only columns are ever added, never retyped: a value whose type differs from the table's column is coerced and,
/// if it does not fit, rescued (as Auto Loader does).
/// <list type="bullet">
/// <item><b>addNewColumns</b>: new columns (and new fields of struct columns) are added as nullable at the end, and the
/// change is committed with the data. Auto Loader instead stops the stream so the next run picks the new schema up;
/// a Delta commit can carry the metadata change with the data, so we evolve in the same commit.</item>
/// <item><b>rescue</b>: the schema never changes; new columns' values go to the rescued data column.</item>
/// <item><b>failOnNewColumns</b>: a file with new columns fails, naming them.</item>
/// <item><b>none</b>: the schema never changes. Auto Loader drops the new columns' values; we never drop data, so they
/// go to the rescued data column exactly as in rescue mode.</item>
/// </list>
/// </summary>
public static class SchemaEvolution
{
    /// <summary>
    /// Applies <paramref name="mode"/>. <paramref name="tableSchema"/> is null for a table that does not exist yet
    /// (then the file's schema is the table's, and <c>SchemaChanged</c> is true).
    /// </summary>
    public static SchemaEvolutionResult Apply(StructType? tableSchema, StructType fileSchema, SchemaEvolutionMode mode)
    {
        ArgumentNullException.ThrowIfNull(fileSchema);
        if (tableSchema is null)
        {
            var created = new StructType(fileSchema.Fields.Select(f => f with { Nullable = true }));
            return new SchemaEvolutionResult(created, fileSchema.Fields.Select(f => f.Name).ToArray(), true, null);
        }

        var newColumns = new List<string>();
        var merged = Merge(tableSchema, fileSchema, null, newColumns);
        if (newColumns.Count == 0)
        {
            return new SchemaEvolutionResult(tableSchema, [], false, null);
        }

        return mode switch
        {
            SchemaEvolutionMode.AddNewColumns => new SchemaEvolutionResult(merged, newColumns, true, null),
            SchemaEvolutionMode.Rescue or SchemaEvolutionMode.None => new SchemaEvolutionResult(tableSchema, newColumns, false, null),
            _ => new SchemaEvolutionResult(
                null,
                newColumns,
                false,
                $"the file has column(s) the table does not have: {string.Join(", ", newColumns)}; schemaEvolution is failOnNewColumns. " +
                "Add the columns to the table, or set schemaEvolution to addNewColumns (evolve the table) or rescue (keep their values in the rescued data column), then upload the file again."),
        };
    }

    private static StructType Merge(StructType table, StructType file, string? path, List<string> newColumns)
    {
        var fields = new List<StructField>(table.Fields.Count);
        foreach (var field in table.Fields)
        {
            if (file.TryGetField(field.Name, out var fileField))
            {
                var childPath = path is null ? field.Name : $"{path}.{field.Name}";
                fields.Add(field with { Type = MergeType(field.Type, fileField.Type, childPath, newColumns) });
            }
            else
            {
                fields.Add(field);
            }
        }

        foreach (var fileField in file.Fields)
        {
            if (table.IndexOf(fileField.Name) < 0)
            {
                newColumns.Add(path is null ? fileField.Name : $"{path}.{fileField.Name}");
                fields.Add(fileField with { Nullable = true });
            }
        }

        return new StructType(fields);
    }

    private static DataType MergeType(DataType table, DataType file, string path, List<string> newColumns) => (table, file) switch
    {
        (StructType t, StructType f) => Merge(t, f, path, newColumns),
        (ArrayType { ElementType: StructType t } a, ArrayType { ElementType: StructType f }) => a with { ElementType = Merge(t, f, path, newColumns) },
        _ => table,
    };
}
