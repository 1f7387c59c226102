namespace Lakehouse.Pipelines.Sources.Columns;

/// <summary>A nested column (struct, array, map) in a text source: the field's text is parsed as JSON.</summary>
internal sealed class JsonTextAppender(Lakehouse.Parquet.Data.ColumnVector vector) : ColumnAppender
{
    private readonly JsonValueWriter _writer = new();

    public override Lakehouse.Parquet.Data.ColumnVector Vector => vector;

    public override bool TryAppend(ReadOnlySpan<byte> text) => _writer.TryWriteDocument(text, vector);
}
