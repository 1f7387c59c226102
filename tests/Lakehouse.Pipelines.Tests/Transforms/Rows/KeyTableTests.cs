using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Transforms.Rows;

namespace Lakehouse.Pipelines.Tests.Transforms.Rows;

public sealed class KeyTableTests
{
    [Fact]
    public void FindOrAdd_ManyKeys_NumbersThemInOrderAndFindsEachAfterGrowing()
    {
        var table = new KeyTable(4);
        var batch = Batch(Enumerable.Range(0, 5000).Select(i => (object?)(long)(i * 7919)).ToArray());
        var encoder = KeyEncoder.For(batch, ["k"]);
        var buffer = new byte[4];
        for (var r = 0; r < batch.RowCount; r++)
        {
            var id = table.FindOrAdd(encoder.Encode(r, ref buffer), out var added);
            Assert.True(added);
            Assert.Equal(r, id);
        }

        var ids = new int[batch.RowCount];
        encoder.FindAll(table, ids);

        Assert.Equal(Enumerable.Range(0, 5000), ids);
        Assert.Equal(5000, table.Count);
        Assert.Equal(-1, table.Find(new byte[] { 1, 1, 0, 0, 0, 0, 0, 0, 0 }));
    }

    [Fact]
    public void FindAll_IntegerKeysInBlocks_AgreesWithOneByOneFindForPresentAndAbsentKeys()
    {
        var table = new KeyTable(16);
        var present = Batch(Enumerable.Range(0, 3000).Select(i => (object?)((long)i * 3)).ToArray());
        var presentEncoder = KeyEncoder.For(present, ["k"]);
        var buffer = new byte[16];
        for (var r = 0; r < present.RowCount; r++)
        {
            table.FindOrAdd(presentEncoder.Encode(r, ref buffer), out _);
        }

        // 1,000 probes (not a multiple of the block size): every third value is present, the others are not.
        var probes = Batch(Enumerable.Range(0, 1000).Select(i => (object?)(long)(i * 7 % 9000 - 5)).ToArray());
        var probeEncoder = KeyEncoder.For(probes, ["k"]);
        var ids = new int[probes.RowCount];
        probeEncoder.FindAll(table, ids);

        for (var r = 0; r < probes.RowCount; r++)
        {
            var value = (long)probes.Columns[0].GetValue(r)!;
            var expected = value >= 0 && value % 3 == 0 && value < 9000 ? (int)(value / 3) : -1;
            Assert.Equal(expected, ids[r]);
            Assert.Equal(table.Find(probeEncoder.Encode(r, ref buffer)), ids[r]);
        }

        Assert.Contains(-1, ids);
        Assert.Contains(ids, id => id >= 0);
    }

    [Fact]
    public void Encode_IntAndLongOfSameValue_AreTheSameKeyButNullIsNotZero()
    {
        var ints = new RecordBatch(new StructType(new StructField("k", DataType.Integer)), [Vector(DataType.Integer, 5, null, 0)]);
        var longs = Batch(5L, 0L);
        var table = new KeyTable();
        var buffer = new byte[16];
        var longEncoder = KeyEncoder.For(longs, ["k"]);
        table.FindOrAdd(longEncoder.Encode(0, ref buffer), out _);
        table.FindOrAdd(longEncoder.Encode(1, ref buffer), out _);

        var ids = new int[3];
        KeyEncoder.For(ints, ["k"]).FindAll(table, ids);

        Assert.Equal([0, -1, 1], ids);
    }

    [Fact]
    public void Encode_CompositeStringKeys_DoNotCollideAcrossColumnBoundaries()
    {
        var schema = new StructType(new StructField("a", DataType.String), new StructField("b", DataType.String));
        var batch = new RecordBatch(schema, [Vector(DataType.String, "ab", "a"), Vector(DataType.String, "c", "bc")]);
        var table = new KeyTable();
        var encoder = KeyEncoder.For(batch, ["a", "b"]);
        var buffer = new byte[8];

        var first = table.FindOrAdd(encoder.Encode(0, ref buffer), out _);
        var second = table.FindOrAdd(encoder.Encode(1, ref buffer), out var added);

        Assert.True(added);
        Assert.NotEqual(first, second);
    }

    private static RecordBatch Batch(params object?[] values) =>
        new(new StructType(new StructField("k", DataType.Long)), [Vector(DataType.Long, values)]);

    private static ColumnVector Vector(DataType type, params object?[] values)
    {
        var vector = ColumnVector.Create(type, values.Length);
        foreach (var v in values)
        {
            vector.AppendValue(v);
        }

        return vector;
    }
}
