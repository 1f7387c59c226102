namespace Lakehouse.Parquet.Data;

/// <summary>A set of equally long columns with a schema: the unit that readers produce and writers consume.</summary>
public sealed class RecordBatch
{
    public RecordBatch(StructType schema, IReadOnlyList<ColumnVector> columns)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(columns);
        if (schema.Fields.Count != columns.Count)
        {
            throw new ArgumentException($"Schema has {schema.Fields.Count} fields but {columns.Count} columns were given.", nameof(columns));
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (!Equals(columns[i].Type, schema.Fields[i].Type))
            {
                throw new ArgumentException(
                    $"Column '{schema.Fields[i].Name}' is declared {schema.Fields[i].Type} but its vector holds {columns[i].Type}.", nameof(columns));
            }

            if (columns[i].Count != columns[0].Count)
            {
                throw new ArgumentException(
                    $"Column '{schema.Fields[i].Name}' has {columns[i].Count} rows, column '{schema.Fields[0].Name}' has {columns[0].Count}.", nameof(columns));
            }
        }

        Schema = schema;
        Columns = columns;
    }

    public StructType Schema { get; }

    public IReadOnlyList<ColumnVector> Columns { get; }

    public int RowCount => Columns.Count == 0 ? 0 : Columns[0].Count;

    /// <summary>The column with this name (case-insensitive).</summary>
    public ColumnVector Column(string name)
    {
        var i = Schema.IndexOf(name);
        return i >= 0 ? Columns[i] : throw new KeyNotFoundException($"No column named '{name}' in {Schema}.");
    }

    /// <summary>Creates empty vectors for every field of <paramref name="schema"/>.</summary>
    public static RecordBatch CreateEmpty(StructType schema, int capacity = 1024)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new RecordBatch(schema, schema.Fields.Select(f => ColumnVector.Create(f.Type, capacity)).ToArray());
    }

    /// <summary>Row <paramref name="row"/> as boxed values in schema order (slow path: tests and tools).</summary>
    public object?[] GetRow(int row)
    {
        var values = new object?[Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Columns[i].GetValue(row);
        }

        return values;
    }
}
