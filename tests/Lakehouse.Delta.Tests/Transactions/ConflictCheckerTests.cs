using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Transactions;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Tests.Transactions;

public class ConflictCheckerTests
{
    private static readonly Dictionary<string, DataType> PartitionTypes = new(StringComparer.OrdinalIgnoreCase) { ["country"] = DataType.String };

    private static AddFile Add(string path, string? country = "FR", bool dataChange = true) => new()
    {
        Path = path,
        PartitionValues = new Dictionary<string, string?> { ["country"] = country },
        Size = 1,
        DataChange = dataChange,
    };

    private static RemoveFile Remove(string path, bool dataChange = true) => new() { Path = path, DataChange = dataChange };

    private static readonly TransactionSummary BlindAppend = new() { ReadVersion = 4, IsBlindAppend = true, PartitionColumnTypes = PartitionTypes };

    private static readonly TransactionSummary OverwriteFrance = new()
    {
        ReadVersion = 4,
        IsolationLevel = IsolationLevel.Serializable,
        ReadPredicates = [PartitionPredicate.Equal("country", "FR")],
        ReadFiles = new HashSet<string> { "country=FR/a.parquet" },
        RemovedFiles = new HashSet<string> { "country=FR/a.parquet" },
        PartitionColumnTypes = PartitionTypes,
    };

    private static readonly TransactionSummary IdempotentAppend = BlindAppend with { AppIds = new HashSet<string> { "ingest-orders" } };

    private static readonly TransactionSummary Compaction = new()
    {
        ReadVersion = 4,
        ReadFiles = new HashSet<string> { "country=DE/x.parquet", "country=DE/y.parquet" },
        RemovedFiles = new HashSet<string> { "country=DE/x.parquet", "country=DE/y.parquet" },
        PartitionColumnTypes = PartitionTypes,
    };

    public static TheoryData<string, string, ConflictKind?> Scenarios => new()
    {
        // mine, winner, expected
        { "blind-append", "append-FR", null },
        { "blind-append", "append-DE-with-txn-other", null },
        { "blind-append", "metadata", ConflictKind.MetadataChanged },
        { "blind-append", "protocol", ConflictKind.ProtocolChanged },
        { "blind-append", "delete-FR-a", null },
        { "overwrite-FR", "append-DE-with-txn-other", null },
        { "overwrite-FR", "append-FR", ConflictKind.ConcurrentAppend },
        { "overwrite-FR", "optimize-FR", ConflictKind.ConcurrentDeleteDelete },
        { "overwrite-FR", "delete-FR-a", ConflictKind.ConcurrentDeleteDelete },
        { "overwrite-FR", "append-null-country", null },
        { "idempotent-append", "txn-same-app", ConflictKind.ConcurrentTransaction },
        { "idempotent-append", "append-DE-with-txn-other", null },
        { "compaction-DE", "append-FR", null },
        { "compaction-DE", "delete-DE-x-read", ConflictKind.ConcurrentDeleteDelete },
        { "compaction-DE", "delete-DE-z", null },
        { "overwrite-all", "append-FR", ConflictKind.ConcurrentAppend },
        { "overwrite-all", "optimize-add-only", null },
        { "read-DE-files", "delete-DE-x-read", ConflictKind.ConcurrentDeleteRead },
        { "overwrite-FR-write-serializable", "append-FR", null },
        { "overwrite-FR-write-serializable", "append-FR-flagged-blind", null },
        { "overwrite-FR-write-serializable", "merge-FR", ConflictKind.ConcurrentAppend },
        { "overwrite-FR-write-serializable", "append-FR-flagged-not-blind", ConflictKind.ConcurrentAppend },
        { "optimize-snapshot-isolation", "merge-FR", null },
        { "optimize-snapshot-isolation", "delete-FR-a", ConflictKind.ConcurrentDeleteDelete },
    };

    private static TransactionSummary Mine(string name) => name switch
    {
        "blind-append" => BlindAppend,
        "overwrite-FR" => OverwriteFrance,
        "idempotent-append" => IdempotentAppend,
        "compaction-DE" => Compaction,
        "overwrite-all" => new TransactionSummary { ReadVersion = 4, ReadPredicates = [PartitionPredicate.All], PartitionColumnTypes = PartitionTypes, IsolationLevel = IsolationLevel.Serializable },
        "overwrite-FR-write-serializable" => OverwriteFrance with { IsolationLevel = IsolationLevel.WriteSerializable },
        "optimize-snapshot-isolation" => OverwriteFrance with { IsolationLevel = IsolationLevel.SnapshotIsolation },
        "read-DE-files" => new TransactionSummary { ReadVersion = 4, ReadPredicates = [PartitionPredicate.Equal("country", "DE")], ReadFiles = new HashSet<string> { "country=DE/x.parquet" }, PartitionColumnTypes = PartitionTypes },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static DeltaAction[] Winner(string name) => name switch
    {
        "append-FR" => [new CommitInfo { Operation = "WRITE" }, Add("country=FR/new.parquet")],
        "append-FR-flagged-blind" => [new CommitInfo { Operation = "WRITE", IsBlindAppend = true }, Add("country=FR/new.parquet")],
        "append-FR-flagged-not-blind" => [new CommitInfo { Operation = "WRITE", IsBlindAppend = false }, Add("country=FR/new.parquet")],
        "merge-FR" => [Remove("country=FR/other.parquet"), Add("country=FR/merged.parquet")],
        "append-DE-with-txn-other" => [Add("country=DE/new.parquet", "DE"), new TxnAction { AppId = "other", Version = 3 }],
        "append-null-country" => [Add("country=__HIVE_DEFAULT_PARTITION__/n.parquet", null)],
        "metadata" => [new MetadataAction { Id = "x", SchemaString = "{\"type\":\"struct\",\"fields\":[]}" }],
        "protocol" => [new ProtocolAction { MinReaderVersion = 1, MinWriterVersion = 2 }],
        "delete-FR-a" => [Remove("country=FR/a.parquet")],
        "optimize-FR" => [Remove("country=FR/a.parquet", dataChange: false), Add("country=FR/big.parquet", dataChange: false)],
        "optimize-add-only" => [Add("country=FR/big.parquet", dataChange: false)],
        "txn-same-app" => [Add("country=DE/new.parquet", "DE"), new TxnAction { AppId = "ingest-orders", Version = 8 }],
        "delete-DE-x-read" => [Remove("country%3DDE/x.parquet".Replace("%3D", "=", StringComparison.Ordinal))],
        "delete-DE-z" => [Remove("country=DE/z.parquet")],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Check_Scenario_ReturnsExpectedConflict(string mine, string winner, ConflictKind? expected)
    {
        var result = ConflictChecker.Check(Mine(mine), 5, Winner(winner));

        Assert.Equal(expected, result.Kind);
        Assert.Equal(expected is not null, result.IsConflict);
        if (expected is not null)
        {
            Assert.Contains("Commit 5", result.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_RemoveWithEncodedPath_MatchesDecodedReadFile()
    {
        var mine = new TransactionSummary { ReadVersion = 1, ReadFiles = new HashSet<string> { "k=a b/f.parquet" } };

        var result = ConflictChecker.Check(mine, 2, [Remove("k=a%20b/f.parquet")]);

        Assert.Equal(ConflictKind.ConcurrentDeleteRead, result.Kind);
        Assert.Contains("k=a b/f.parquet", result.Reason, StringComparison.Ordinal);
    }
}
