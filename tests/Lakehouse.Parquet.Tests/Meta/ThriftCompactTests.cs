using Lakehouse.Parquet.Columns.Writing;
using Lakehouse.Parquet.Meta;

namespace Lakehouse.Parquet.Tests.Meta;

public sealed class ThriftCompactTests
{
    [Fact]
    public void Read_SkipsUnknownFieldsOfEveryType()
    {
        var buffer = new GrowableBuffer<byte>();
        var w = new ThriftCompactWriter(buffer);
        w.BeginStruct();
        w.I32(1, (int)PhysicalType.Int64);
        w.FieldHeader(3, ThriftType.Double);
        buffer.AddRange(new byte[8]);
        w.String(4, "col");
        w.ListHeader(20, ThriftType.Struct, 2);
        for (var i = 0; i < 2; i++)
        {
            w.BeginStruct();
            w.I64(1, 99);
            w.Bool(2, true);
            w.EndStruct();
        }

        w.FieldHeader(21, ThriftType.Map);
        buffer.AddRange(new byte[] { 1, (byte)(((int)ThriftType.Binary << 4) | (int)ThriftType.I32), 1, (byte)'k', 4 });
        w.Bool(22, false);
        w.I32(23, 7);
        w.EndStruct();

        var e = SchemaElement.Read(new ThriftCompactReader(buffer.Array, 0, buffer.Count));

        Assert.Equal(PhysicalType.Int64, e.Type);
        Assert.Equal("col", e.Name);
    }

    [Fact]
    public void Read_ForgedListSize_ThrowsWithoutAllocating()
    {
        byte[] data = [0x19, 0xFC, 0xFF, 0xFF, 0xFF, 0x07, 0x00];
        var ex = Assert.Throws<ThriftException>(() => FileMetaData.Read(new ThriftCompactReader(data, 0, data.Length)));
        Assert.Contains("exceeds", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PageHeader_RoundTrips()
    {
        var header = new PageHeader
        {
            Type = PageType.DataPageV2, UncompressedPageSize = 1000, CompressedPageSize = 500,
            DataPageHeaderV2 = new DataPageHeaderV2 { NumValues = 10, NumNulls = 2, NumRows = 10, Encoding = ParquetEncoding.RleDictionary, DefinitionLevelsByteLength = 3, IsCompressed = false },
        };
        var buffer = new GrowableBuffer<byte>();
        header.Write(new ThriftCompactWriter(buffer));

        var read = PageHeader.Read(new ThriftCompactReader(buffer.Array, 0, buffer.Count));

        Assert.Equal(PageType.DataPageV2, read.Type);
        Assert.Equal(500, read.CompressedPageSize);
        Assert.Equal(2, read.DataPageHeaderV2!.NumNulls);
        Assert.Equal(ParquetEncoding.RleDictionary, read.DataPageHeaderV2.Encoding);
        Assert.False(read.DataPageHeaderV2.IsCompressed);
    }
}
