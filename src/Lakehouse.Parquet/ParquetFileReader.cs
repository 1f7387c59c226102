using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Lakehouse.Parquet.Compression;
using Lakehouse.Parquet.Data;
using Lakehouse.Parquet.Columns;
using Lakehouse.Parquet.Columns.Reading;
using Lakehouse.Parquet.Meta;
using Lakehouse.Parquet.Schema;

namespace Lakehouse.Parquet;

/// <summary>
/// Reads Parquet files written by any mainstream engine (Spark, DuckDB, pyarrow, delta-rs, ...) into
/// <see cref="RecordBatch"/>es, one row group at a time, fetching only the column chunks asked for.
/// </summary>
public sealed class ParquetFileReader : IDisposable, IAsyncDisposable
{
    private const int FooterTailLength = 8;
    private readonly IRandomAccessSource _source;
    private readonly FileMetaData _meta;
    private readonly ParquetSchema _schema;
    private readonly bool _ownsSource;

    private ParquetFileReader(IRandomAccessSource source, FileMetaData meta, ParquetSchema schema, bool ownsSource)
    {
        _source = source;
        _meta = meta;
        _schema = schema;
        _ownsSource = ownsSource;
        KeyValueMetadata = meta.KeyValueMetadata
            .GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value ?? string.Empty, StringComparer.Ordinal);
        RowGroups = meta.RowGroups.Select((g, i) => new RowGroupInfo(
            i, g.NumRows, g.TotalByteSize, g.TotalCompressedSize ?? g.Columns.Sum(c => c.MetaData?.TotalCompressedSize ?? 0), Statistics(g))).ToArray();
    }

    /// <summary>The file's schema in our type model.</summary>
    public StructType Schema => _schema.Type;

    /// <summary>Rows in the file according to the footer.</summary>
    public long RowCount => _meta.NumRows;

    public IReadOnlyList<RowGroupInfo> RowGroups { get; }

    public IReadOnlyDictionary<string, string> KeyValueMetadata { get; }

    /// <summary>The footer's created_by, when present.</summary>
    public string? CreatedBy => _meta.CreatedBy;

    /// <summary>Opens a file by reading and validating its footer. The source stays owned by the caller.</summary>
    public static Task<ParquetFileReader> OpenAsync(IRandomAccessSource source, CancellationToken ct = default) => OpenAsync(source, false, ct);

    /// <summary>Opens a local file (the reader owns and closes it).</summary>
    public static ParquetFileReader Open(string path)
    {
        var source = new FileRandomAccessSource(path);
        try
        {
            return OpenAsync(source, true, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    private static async Task<ParquetFileReader> OpenAsync(IRandomAccessSource source, bool owns, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var name = source.Name;
        var length = source.Length;
        if (length < 12)
        {
            throw new ParquetFormatException($"{name}: {length} bytes is too short for a Parquet file (at least 12). The file is truncated or not Parquet.");
        }

        var tail = new byte[FooterTailLength];
        await source.ReadAsync(length - FooterTailLength, tail, ct).ConfigureAwait(false);
        if (!tail.AsSpan(4).SequenceEqual("PAR1"u8))
        {
            var hint = tail.AsSpan(4).SequenceEqual("PARE"u8) ? " It is an encrypted Parquet file, which is not supported." : " The file is truncated or not Parquet.";
            throw new ParquetFormatException($"{name}: the last 4 bytes are not the Parquet magic 'PAR1'.{hint}");
        }

        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footerLength <= 0 || footerLength > length - 12)
        {
            throw new ParquetFormatException($"{name}: the footer length {footerLength} does not fit in the {length}-byte file. The file is truncated or corrupt.");
        }

        var head = new byte[4];
        await source.ReadAsync(0, head, ct).ConfigureAwait(false);
        if (!head.AsSpan().SequenceEqual("PAR1"u8))
        {
            throw new ParquetFormatException($"{name}: the first 4 bytes are not the Parquet magic 'PAR1'. The file is corrupt or not Parquet.");
        }

        var footer = new byte[footerLength];
        await source.ReadAsync(length - FooterTailLength - footerLength, footer, ct).ConfigureAwait(false);
        FileMetaData meta;
        try
        {
            meta = FileMetaData.Read(new ThriftCompactReader(footer, 0, footer.Length));
        }
        catch (ThriftException ex)
        {
            throw new ParquetFormatException($"{name}: the footer at offset {length - FooterTailLength - footerLength} cannot be decoded: {ex.Message} The file is corrupt.", ex);
        }

        var schema = SchemaReaderMapping.Build(meta.Schema, name);
        Validate(meta, schema, name, length);
        return new ParquetFileReader(source, meta, schema, owns);
    }

    private static void Validate(FileMetaData meta, ParquetSchema schema, string name, long length)
    {
        if (meta.NumRows < 0)
        {
            throw new ParquetFormatException($"{name}: the footer claims {meta.NumRows} rows. The file is corrupt.");
        }

        for (var g = 0; g < meta.RowGroups.Count; g++)
        {
            var group = meta.RowGroups[g];
            if (group.NumRows < 0 || group.NumRows > int.MaxValue)
            {
                throw new ParquetFormatException($"{name}: row group {g} claims {group.NumRows} rows. The file is corrupt.");
            }

            if (group.Columns.Count != schema.Leaves.Count)
            {
                throw new ParquetFormatException($"{name}: row group {g} has {group.Columns.Count} column chunks, the schema has {schema.Leaves.Count} leaf columns. The file is corrupt.");
            }

            for (var c = 0; c < group.Columns.Count; c++)
            {
                var chunk = group.Columns[c];
                var leaf = schema.Leaves[c];
                if (chunk.FilePath is not null)
                {
                    throw new ParquetFormatException($"{name}: column '{leaf.DottedPath}' of row group {g} lives in external file '{chunk.FilePath}', which is not supported.");
                }

                var m = chunk.MetaData ?? throw new ParquetFormatException($"{name}: column '{leaf.DottedPath}' of row group {g} has no metadata. The file is corrupt or encrypted.");
                var start = ChunkStart(m);
                if (start < 4 || m.TotalCompressedSize < 0 || start + m.TotalCompressedSize > length || m.NumValues < 0)
                {
                    throw new ParquetFormatException(
                        $"{name}: column '{leaf.DottedPath}' of row group {g} claims bytes {start}..{start + m.TotalCompressedSize} of a {length}-byte file. The file is truncated or corrupt.");
                }

                if (m.Type != leaf.Physical)
                {
                    throw new ParquetFormatException($"{name}: column '{leaf.DottedPath}' of row group {g} is stored as {m.Type} but the schema says {leaf.Physical}. The file is corrupt.");
                }
            }
        }
    }

    private static long ChunkStart(ColumnMetaData m) =>
        m.DictionaryPageOffset is { } d && d > 0 && d < m.DataPageOffset ? d : m.DataPageOffset;

    private ColumnStatistics[] Statistics(RowGroup group)
    {
        var result = new ColumnStatistics[_schema.Leaves.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var leaf = _schema.Leaves[i];
            var m = group.Columns[i].MetaData!;
            var s = m.Statistics;
            object? min = null;
            object? max = null;
            if (s is not null && !leaf.IsRepeated)
            {
                // min_value/max_value follow the column order; legacy min/max are trusted only for signed numbers and booleans.
                var legacyOk = leaf.Physical is PhysicalType.Boolean or PhysicalType.Int32 or PhysicalType.Int64 or PhysicalType.Float or PhysicalType.Double
                    && leaf.Conversion is not (ValueConversion.UInt8 or ValueConversion.UInt16 or ValueConversion.UInt32ToLong);
                min = StatisticsValues.Decode(leaf, s.MinValue ?? (legacyOk ? s.LegacyMin : null));
                max = StatisticsValues.Decode(leaf, s.MaxValue ?? (legacyOk ? s.LegacyMax : null));
            }

            result[i] = new ColumnStatistics(leaf.Path, min, max, s?.NullCount ?? 0, m.NumValues);
        }

        return result;
    }

    /// <summary>
    /// Reads one row group. <paramref name="columns"/> are top-level field names (case-insensitive); the result's schema
    /// lists them in the requested order. Null reads every column.
    /// </summary>
    public async Task<RecordBatch> ReadRowGroupAsync(int rowGroup, IReadOnlyList<string>? columns = null, CancellationToken ct = default)
    {
        if ((uint)rowGroup >= (uint)_meta.RowGroups.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(rowGroup), rowGroup, $"{_source.Name} has {_meta.RowGroups.Count} row groups.");
        }

        var fields = SelectFields(columns);
        var group = _meta.RowGroups[rowGroup];
        var rows = (int)group.NumRows;
        var vectors = new ColumnVector[fields.Count];
        for (var f = 0; f < fields.Count; f++)
        {
            var field = fields[f];
            var leaves = new LeafData[_schema.Leaves.Count];
            for (var l = field.FirstLeaf; l < field.EndLeaf; l++)
            {
                leaves[l] = await ReadLeafAsync(group, rowGroup, l, ct).ConfigureAwait(false);
            }

            try
            {
                vectors[f] = new Assembler(leaves).Assemble(field, rows);
            }
            catch (Exception ex) when (ex is InvalidDataException or IndexOutOfRangeException or InvalidCastException or InvalidOperationException or ArgumentException)
            {
                throw new ParquetFormatException(
                    $"{_source.Name}: column '{field.Name}' of row group {rowGroup}: {ex.Message} The levels are inconsistent; the file is corrupt.", ex);
            }
        }

        var schema = new StructType(fields.Select(f => _schema.Type.Fields[_schema.Type.IndexOf(f.Name)]));
        return new RecordBatch(schema, vectors);
    }

    private List<FieldNode> SelectFields(IReadOnlyList<string>? columns)
    {
        if (columns is null)
        {
            return [.. _schema.Fields];
        }

        var result = new List<FieldNode>(columns.Count);
        foreach (var name in columns)
        {
            var i = _schema.Type.IndexOf(name);
            if (i < 0)
            {
                throw new ParquetFormatException($"{_source.Name}: no column named '{name}'. The file has: {string.Join(", ", _schema.Type.Fields.Select(f => f.Name))}.");
            }

            result.Add(_schema.Fields[i]);
        }

        return result;
    }

    private async Task<LeafData> ReadLeafAsync(RowGroup group, int rowGroup, int leafIndex, CancellationToken ct)
    {
        var leaf = _schema.Leaves[leafIndex];
        var m = group.Columns[leafIndex].MetaData!;
        var codec = CodecFactory.TryCreate(m.Codec)
            ?? throw new ParquetFormatException(
                $"{_source.Name}: column '{leaf.DottedPath}' of row group {rowGroup} uses the {m.Codec} codec, which is not supported (UNCOMPRESSED, SNAPPY, GZIP and ZSTD are). Rewrite the file with one of those.");
        var start = ChunkStart(m);
        var length = (int)Math.Min(m.TotalCompressedSize, int.MaxValue);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            await _source.ReadAsync(start, buffer.AsMemory(0, length), ct).ConfigureAwait(false);
            return new ColumnChunkReader(leaf, codec, m.Codec, _source.Name).Read(buffer, length, start, m.NumValues);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads every row group in order.</summary>
    public async IAsyncEnumerable<RecordBatch> ReadAllAsync(IReadOnlyList<string>? columns = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var g = 0; g < _meta.RowGroups.Count; g++)
        {
            yield return await ReadRowGroupAsync(g, columns, ct).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (_ownsSource && _source is IDisposable d)
        {
            d.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
