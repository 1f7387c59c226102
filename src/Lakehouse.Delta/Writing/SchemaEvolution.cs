using Lakehouse.Delta.Errors;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Writing;

/// <summary>
/// Schema enforcement on write: data columns must exist in the table with the same type; with mergeSchema new columns
/// are added (nullable) and nested structs gain fields. Incompatible changes are refused naming the column and both types.
/// </summary>
public static class SchemaEvolution
{
    /// <summary>The table schema after writing data of <paramref name="dataSchema"/> (the same instance when unchanged).</summary>
    public static StructType Merge(StructType tableSchema, StructType dataSchema, bool mergeSchema, string tableUri)
    {
        ArgumentNullException.ThrowIfNull(tableSchema);
        ArgumentNullException.ThrowIfNull(dataSchema);
        return MergeStruct(tableSchema, dataSchema, mergeSchema, tableUri, string.Empty);
    }

    private static StructType MergeStruct(StructType table, StructType data, bool mergeSchema, string tableUri, string prefix)
    {
        List<StructField>? merged = null;
        for (var i = 0; i < table.Fields.Count; i++)
        {
            var tf = table.Fields[i];
            if (!data.TryGetField(tf.Name, out var df))
            {
                continue;
            }

            var mergedType = MergeType(tf.Type, df.Type, mergeSchema, tableUri, prefix + tf.Name);
            if (!ReferenceEquals(mergedType, tf.Type) && !Equals(mergedType, tf.Type))
            {
                merged ??= [.. table.Fields];
                merged[i] = tf with { Type = mergedType };
            }
        }

        foreach (var df in data.Fields)
        {
            if (table.IndexOf(df.Name) >= 0)
            {
                continue;
            }

            if (!mergeSchema)
            {
                throw new DeltaWriteException(
                    $"Column '{prefix}{df.Name}' ({df.Type}) is not in the schema of {tableUri}. Write with mergeSchema to add it, or drop the column.");
            }

            merged ??= [.. table.Fields];
            merged.Add(df with { Nullable = true });
        }

        return merged is null ? table : new StructType(merged);
    }

    private static DataType MergeType(DataType table, DataType data, bool mergeSchema, string tableUri, string path)
    {
        if (Equals(table, data))
        {
            return table;
        }

        switch (table, data)
        {
            case (StructType ts, StructType ds):
                return MergeStruct(ts, ds, mergeSchema, tableUri, path + ".");
            case (ArrayType ta, ArrayType da):
                var element = MergeType(ta.ElementType, da.ElementType, mergeSchema, tableUri, path + ".element");
                return Equals(element, ta.ElementType) ? table : ta with { ElementType = element };
            case (MapType tm, MapType dm):
                var key = MergeType(tm.KeyType, dm.KeyType, mergeSchema, tableUri, path + ".key");
                var value = MergeType(tm.ValueType, dm.ValueType, mergeSchema, tableUri, path + ".value");
                return Equals(key, tm.KeyType) && Equals(value, tm.ValueType) ? table : tm with { KeyType = key, ValueType = value };
        }

        throw new DeltaWriteException(
            $"Column '{path}' of {tableUri} has type {table} but the data has {data}. Cast the data to {table}; changing a column's type needs a table rewrite.");
    }
}
