using Lakehouse.Parquet.Data;
using Lakehouse.Testing.IO;

namespace Lakehouse.Parquet.Tests;

public sealed class ParquetFileReaderErrorTests
{
    private static readonly StructType Schema = new(new StructField("id", DataType.Long), new StructField("s", DataType.String));

    private static byte[] ValidFile() => TestFiles.Write(TestFiles.Batch(Schema, [1L, "a"], [2L, null]));

    [Fact]
    public async Task Open_WrongMagic_NamesFileAndSaysWhy()
    {
        var file = ValidFile();
        file[^1] = (byte)'X';

        var ex = await Assert.ThrowsAsync<ParquetFormatException>(() => ParquetFileReader.OpenAsync(new MemoryRandomAccessSource(file, "s3://bucket/x.parquet")));

        Assert.Contains("s3://bucket/x.parquet", ex.Message, StringComparison.Ordinal);
        Assert.Contains("PAR1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_AbsurdFooterLength_Throws()
    {
        var file = ValidFile();
        BitConverter.TryWriteBytes(file.AsSpan(file.Length - 8), int.MaxValue);

        var ex = await Assert.ThrowsAsync<ParquetFormatException>(() => ParquetFileReader.OpenAsync(new MemoryRandomAccessSource(file, "f.parquet")));

        Assert.Contains("footer length", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_TooShort_Throws()
    {
        var ex = await Assert.ThrowsAsync<ParquetFormatException>(() => ParquetFileReader.OpenAsync(new MemoryRandomAccessSource("PAR1"u8.ToArray(), "tiny")));
        Assert.Contains("too short", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadRowGroup_CorruptPage_NamesColumnAndOffset()
    {
        var file = ValidFile();
        for (var i = 4; i < 40; i++)
        {
            file[i] = 0xFF;
        }

        await using var reader = await ParquetFileReader.OpenAsync(new MemoryRandomAccessSource(file, "f.parquet"));
        var ex = await Assert.ThrowsAsync<ParquetFormatException>(() => reader.ReadRowGroupAsync(0));

        Assert.Contains("f.parquet", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'id'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("offset", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadRowGroup_UnknownColumn_ListsColumns()
    {
        await using var reader = await ParquetFileReader.OpenAsync(new MemoryRandomAccessSource(ValidFile()));
        var ex = await Assert.ThrowsAsync<ParquetFormatException>(() => reader.ReadRowGroupAsync(0, ["nope"]));
        Assert.Contains("id, s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NullInRequiredColumn_ThrowsNamingColumn()
    {
        var schema = new StructType(new StructField("req", DataType.Long, false));
        var batch = RecordBatch.CreateEmpty(schema);
        batch.Columns[0].AppendNull();
        using var writer = new ParquetFileWriter(new MemoryStream(), schema);

        var ex = Assert.Throws<ParquetFormatException>(() => writer.Write(new RecordBatch(schema, batch.Columns)));

        Assert.Contains("'req'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_ToNonSeekableStream_ProducesReadableFile()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("pipe.parquet");
        await using (var file = System.IO.File.Create(path))
        {
            using var forwardOnly = new ForwardOnlyStream(file);
            using var writer = new ParquetFileWriter(forwardOnly, Schema);
            writer.Write(TestFiles.Batch(Schema, [5L, "x"]));
            writer.Close();
        }

        using var reader = ParquetFileReader.Open(path);
        var batch = await reader.ReadRowGroupAsync(0);
        Assert.Equal(5L, batch.Columns[0].GetValue(0));
        Assert.Equal("x", batch.Columns[1].GetValue(0));
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
