using Lakehouse.Delta.Errors;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Writing;

/// <summary>Checks data against the table's constraints before it is written: NOT NULL columns and column invariants.</summary>
internal sealed class WriteValidator
{
    private readonly List<(string Path, ColumnInvariant? Invariant, bool NotNull)> _checks = [];
    private readonly string _tableUri;

    public WriteValidator(StructType tableSchema, string tableUri)
    {
        _tableUri = tableUri;
        Collect(tableSchema, string.Empty);
    }

    public bool IsEmpty => _checks.Count == 0;

    private void Collect(StructType schema, string prefix)
    {
        foreach (var f in schema.Fields)
        {
            var path = prefix + f.Name;
            var invariant = ColumnInvariant.FromMetadata(f.MetadataJson, path, _tableUri);
            if (invariant is not null || (!f.Nullable && prefix.Length == 0))
            {
                _checks.Add((path, invariant, !f.Nullable && prefix.Length == 0));
            }

            if (f.Type is StructType st)
            {
                Collect(st, path + ".");
            }
        }
    }

    /// <summary>Throws <see cref="DeltaWriteException"/> naming the column, row and value when a row violates a constraint.</summary>
    public void Validate(RecordBatch batch)
    {
        foreach (var (path, invariant, notNull) in _checks)
        {
            var vector = Resolve(batch, path);
            if (vector is null)
            {
                if (notNull || invariant is not null && !invariant.Holds(null))
                {
                    throw new DeltaWriteException($"Column '{path}' of {_tableUri} is NOT NULL or has invariant '{invariant?.Expression}', but the data has no such column. Add the column to the data.");
                }

                continue;
            }

            if (notNull && vector.HasNulls)
            {
                throw new DeltaWriteException($"Column '{path}' of {_tableUri} is NOT NULL but the data has {vector.NullCount} null value(s). Fix the data or make the column nullable.");
            }

            if (invariant is null)
            {
                continue;
            }

            for (var row = 0; row < vector.Count; row++)
            {
                var value = vector.GetValue(row);
                if (!invariant.Holds(value))
                {
                    throw new DeltaWriteException(
                        $"Row {row} violates the invariant '{invariant.Expression}' of column '{path}' in {_tableUri} (value: {value ?? "null"}). Fix the data; nothing was committed.");
                }
            }
        }
    }

    private static ColumnVector? Resolve(RecordBatch batch, string path)
    {
        var parts = path.Split('.');
        var index = batch.Schema.IndexOf(parts[0]);
        if (index < 0)
        {
            return null;
        }

        var vector = batch.Columns[index];
        for (var i = 1; i < parts.Length; i++)
        {
            if (vector is not StructVector sv || sv.StructType.IndexOf(parts[i]) is var j && j < 0)
            {
                return null;
            }

            vector = sv.Children[j];
        }

        return vector;
    }
}
