using Lakehouse.Delta.Partitions;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Writing;

/// <summary>Splits a batch by partition values into data-only batches (partition columns removed, table column order).</summary>
internal static class PartitionSplitter
{
    /// <summary>One partition's rows and its partition values as log strings.</summary>
    public sealed record Part(Dictionary<string, string?> Values, RecordBatch Data);

    public static List<Part> Split(RecordBatch batch, StructType tableSchema, IReadOnlyList<string> partitionColumns)
    {
        var dataFields = tableSchema.Fields
            .Where(f => !partitionColumns.Contains(f.Name, StringComparer.OrdinalIgnoreCase) && batch.Schema.IndexOf(f.Name) >= 0)
            .ToList();
        var dataSchema = new StructType(dataFields);
        if (partitionColumns.Count == 0)
        {
            var columns = dataFields.Select(f => batch.Column(f.Name)).ToArray();
            return [new Part([], new RecordBatch(dataSchema, columns))];
        }

        var partitionVectors = partitionColumns.Select(c => (Name: tableSchema[c].Name, Type: tableSchema[c].Type, Vector: batch.Column(c))).ToArray();
        var groups = new Dictionary<string, (Dictionary<string, string?> Values, List<int> Rows)>(StringComparer.Ordinal);
        var order = new List<string>();
        var keyParts = new string?[partitionVectors.Length];
        for (var row = 0; row < batch.RowCount; row++)
        {
            for (var p = 0; p < partitionVectors.Length; p++)
            {
                keyParts[p] = PartitionValueCodec.Format(partitionVectors[p].Vector.GetValue(row), partitionVectors[p].Type);
            }

            var key = string.Join("\u0001", keyParts.Select(k => k is null ? "\u0000" : k));
            if (!groups.TryGetValue(key, out var group))
            {
                var values = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var p = 0; p < partitionVectors.Length; p++)
                {
                    values[partitionVectors[p].Name] = keyParts[p];
                }

                group = (values, []);
                groups[key] = group;
                order.Add(key);
            }

            group.Rows.Add(row);
        }

        var parts = new List<Part>(groups.Count);
        foreach (var key in order)
        {
            var (values, rows) = groups[key];
            var columns = new ColumnVector[dataFields.Count];
            for (var c = 0; c < dataFields.Count; c++)
            {
                columns[c] = Take(batch.Column(dataFields[c].Name), rows);
            }

            parts.Add(new Part(values, new RecordBatch(dataSchema, columns)));
        }

        return parts;
    }

    private static ColumnVector Take(ColumnVector source, List<int> rows)
    {
        if (rows.Count == source.Count)
        {
            return source;
        }

        var target = ColumnVector.Create(source.Type, rows.Count);
        switch (source, target)
        {
            case (Int32Vector s, Int32Vector t):
                foreach (var r in rows)
                {
                    if (s.IsNull(r)) { t.AppendNull(); } else { t.Append(s[r]); }
                }

                return t;
            case (Int64Vector s, Int64Vector t):
                foreach (var r in rows)
                {
                    if (s.IsNull(r)) { t.AppendNull(); } else { t.Append(s[r]); }
                }

                return t;
            case (BinaryVector s, BinaryVector t):
                foreach (var r in rows)
                {
                    if (s.IsNull(r)) { t.AppendNull(); } else { t.Append(s.GetBytes(r)); }
                }

                return t;
        }

        foreach (var r in rows)
        {
            target.AppendValue(source.GetValue(r));
        }

        return target;
    }
}
