using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;

namespace Lakehouse.Pipelines.Sources;

/// <summary>
/// The bronze output schema of a source and where its reserved columns are: the rescued data column (string),
/// <c>_source_file</c> (string), <c>_ingested_at</c> (timestamp) and <c>_ingest_date</c> (date, only when the source
/// partitions by it). Reserved columns missing from the table are appended after the data columns.
/// </summary>
internal sealed class OutputLayout
{
    private OutputLayout(StructType schema, int rescued, int sourceFile, int ingestedAt, int ingestDate)
    {
        Schema = schema;
        RescuedIndex = rescued;
        SourceFileIndex = sourceFile;
        IngestedAtIndex = ingestedAt;
        IngestDateIndex = ingestDate;
    }

    public StructType Schema { get; }

    public int RescuedIndex { get; }

    public int SourceFileIndex { get; }

    public int IngestedAtIndex { get; }

    public int IngestDateIndex { get; }

    public bool IsReserved(int index) => index == RescuedIndex || index == SourceFileIndex || index == IngestedAtIndex || index == IngestDateIndex;

    /// <summary>Names a file column must not take (its values are rescued instead).</summary>
    public static HashSet<string> ReservedNames(SourceDefinition source)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { source.RescuedDataColumn };
        if (source.MetadataColumns.SourceFile is { } f)
        {
            names.Add(f);
        }

        if (source.MetadataColumns.IngestedAt is { } a)
        {
            names.Add(a);
        }

        if (source.HasIngestDate)
        {
            names.Add(MetadataColumns.IngestDate);
        }

        return names;
    }

    public static OutputLayout Create(StructType dataSchema, SourceDefinition source, string sourceUri)
    {
        var fields = dataSchema.Fields.ToList();
        var rescued = Ensure(fields, source.RescuedDataColumn, DataType.String, source, sourceUri);
        var file = source.MetadataColumns.SourceFile is { } f ? Ensure(fields, f, DataType.String, source, sourceUri) : -1;
        var at = source.MetadataColumns.IngestedAt is { } a ? Ensure(fields, a, DataType.Timestamp, source, sourceUri) : -1;
        var date = source.HasIngestDate ? Ensure(fields, MetadataColumns.IngestDate, DataType.Date, source, sourceUri) : -1;
        return new OutputLayout(new StructType(fields), rescued, file, at, date);
    }

    private static int Ensure(List<StructField> fields, string name, DataType type, SourceDefinition source, string sourceUri)
    {
        var index = fields.FindIndex(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            fields.Add(new StructField(name, type));
            return fields.Count - 1;
        }

        if (!Equals(fields[index].Type, type))
        {
            throw new SchemaEvolutionException(
                sourceUri,
                source.Table,
                [],
                $"the table's column '{name}' is {fields[index].Type} but ingestion writes it as {type}. Rename the column in the table or configure another name in the source definition.");
        }

        return index;
    }
}
