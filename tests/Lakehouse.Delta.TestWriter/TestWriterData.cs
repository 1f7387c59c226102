using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Transactions;

namespace Lakehouse.Delta.Writing;

/// <summary>What each concurrent test writer appends: one file per commit, named after the writer and sequence number.</summary>
public static class TestWriterData
{
    public static Task AppendAsync(DeltaTransaction transaction, string writer, int sequence)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        transaction.AddFile(new AddFile
        {
            Path = $"{writer}-{sequence:D5}.parquet",
            PartitionValues = new Dictionary<string, string?>(),
            Size = 1,
            ModificationTime = 1,
            DataChange = true,
            Stats = "{\"numRecords\":1}",
        });
        return Task.CompletedTask;
    }
}
