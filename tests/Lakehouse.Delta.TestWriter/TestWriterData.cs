using Lakehouse.Delta.Transactions;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Writing;

/// <summary>What each concurrent test writer appends: one row (id = writer·100000 + sequence, country = writer) per commit.</summary>
public static class TestWriterData
{
    public static readonly StructType Schema = new(
        new StructField("id", DataType.Long, false),
        new StructField("country", DataType.String));

    public static long RowId(int writer, int sequence) => (writer * 100_000L) + sequence;

    public static Task AppendAsync(DeltaTransaction transaction, int writer, int sequence)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var batch = RecordBatch.CreateEmpty(Schema, 1);
        batch.Columns[0].AppendValue(RowId(writer, sequence));
        batch.Columns[1].AppendValue("w" + writer.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return transaction.WriteAsync(batch);
    }
}
