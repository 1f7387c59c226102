using Lakehouse.Delta.Actions;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Tests.Transactions;

internal static class TestTables
{
    public static readonly StructType Schema = new(
        new StructField("id", DataType.Long, false),
        new StructField("country", DataType.String));

    public static AddFile SyntheticAdd(string path, string? country = null, long rows = 1) => new()
    {
        Path = path,
        PartitionValues = country is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["country"] = country },
        Size = 100,
        ModificationTime = 1,
        DataChange = true,
        Stats = $"{{\"numRecords\":{rows}}}",
    };
}
