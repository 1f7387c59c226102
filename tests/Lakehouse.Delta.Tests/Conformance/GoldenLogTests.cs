using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Storage;

namespace Lakehouse.Delta.Tests.Conformance;

/// <summary>File-level facts of every table in shared/delta-golden (version, live files, tombstones, txns).</summary>
public class GoldenLogTests
{
    public static TheoryData<string> Positive => GoldenTable.Names(t => !t.Negative);

    public static TheoryData<string> Negative => GoldenTable.Names(t => t.Negative);

    internal static DeltaTable Open(GoldenTable t) => DeltaTable.ForPath(new FileSystemObjectStore(t.FullPath), string.Empty);

    [Theory]
    [MemberData(nameof(Positive))]
    public async Task LatestSnapshot_MatchesExpectedFileLevelFacts(string name)
    {
        var t = GoldenTable.All[name];

        var snapshot = await Open(t).GetSnapshotAsync();

        Assert.Equal(t.LatestVersion, snapshot.Version);
        Assert.Equal(t.ActiveFiles, snapshot.Files.Count);
        if (t.Tombstones is { } tombstones)
        {
            Assert.Equal(tombstones, snapshot.Tombstones.Count);
        }

        Assert.Equal(t.Txns.OrderBy(k => k.Key), snapshot.AppTransactions.ToDictionary(k => k.Key, k => k.Value.Version).OrderBy(k => k.Key));
        if (t.PartitionColumns is { } parts)
        {
            Assert.Equal(parts, snapshot.PartitionColumns);
        }
    }

    [Theory]
    [MemberData(nameof(Negative))]
    public async Task NegativeTable_FailsWithDeltaProtocolExceptionSayingWhy(string name)
    {
        var t = GoldenTable.All[name];

        var ex = await Assert.ThrowsAsync<DeltaProtocolException>(() => Open(t).GetSnapshotAsync());

        var expected = t.ExpectedText.Contains("No metadata found", StringComparison.Ordinal) ? "No metadata found" : "No protocol found";
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoint_LatestHasOnlyFile15()
    {
        var snapshot = await Open(GoldenTable.All["delta-io_delta/checkpoint"]).GetSnapshotAsync();

        Assert.Equal("15", Assert.Single(snapshot.Files).Path);
    }

    [Fact]
    public async Task DeleteReAddSameFile_KeepsTheReAddedAction()
    {
        var snapshot = await Open(GoldenTable.All["delta-io_delta/delete-re-add-same-file-different-transactions"]).GetSnapshotAsync();

        Assert.Equal(["bar", "foo"], snapshot.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Equal(1700000000000, snapshot.Files.Single(f => f.Path == "foo").Add.ModificationTime);
    }

    [Fact]
    public async Task SpecialCharacters_DecodesFileNameOnce()
    {
        var t = GoldenTable.All["delta-io_delta/log-replay-special-characters-b"];

        var file = Assert.Single((await Open(t).GetSnapshotAsync()).Files);

        Assert.EndsWith("special p@#h", file.Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delta020_TimeTravelToVersion2_HasThreeRowsInStats()
    {
        var table = Open(GoldenTable.All["delta-io_delta-rs/delta-0.2.0"]);

        var v0 = await table.GetSnapshotAsync(0);

        Assert.Equal(0, v0.Version);
        Assert.Equal(2, v0.Files.Count);
        Assert.Contains(v0.Files, f => f.Path.Contains("b44fcdb0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NullPartition_IsTypedNull()
    {
        var snapshot = await Open(GoldenTable.All["delta-io_delta-rs/delta-0.8.0-null-partition"]).GetSnapshotAsync();

        Assert.Equal(new object?[] { null, "A" }, snapshot.Files.Select(f => f.PartitionValues["k"]).OrderBy(v => v as string, StringComparer.Ordinal));
    }

    [Fact]
    public async Task SnapshotAtMissingVersion_FailsNamingLatest()
    {
        var ex = await Assert.ThrowsAsync<DeltaProtocolException>(() => Open(GoldenTable.All["delta-io_delta-rs/simple_table"]).GetSnapshotAsync(99));

        Assert.Contains("latest version is 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckpointsVacuumed_VersionBeforeOldestCheckpoint_FailsNamingMissingCommit()
    {
        var ex = await Assert.ThrowsAsync<DeltaProtocolException>(() => Open(GoldenTable.All["delta-io_delta-rs/checkpoints_vacuumed"]).GetSnapshotAsync(2));

        Assert.Contains("no commit 0", ex.Message, StringComparison.Ordinal);
    }
}
