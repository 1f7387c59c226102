using System.Text;
using Amazon.DynamoDBv2.Model;
using Lakehouse.Aws.DynamoDb;
using Lakehouse.Aws.Errors;
using Lakehouse.Aws.LogStores;
using Lakehouse.Aws.Tests.Faults;
using Lakehouse.Delta.Storage;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Aws.Tests.LogStores;

/// <summary>
/// A writer dies or loses an answer between the protocol's steps; the next reader or writer must finish the
/// decided commit with the right bytes, never commit twice and never lose one.
/// </summary>
[Collection("moto")]
public sealed class DynamoDbLogStoreFaultTests(MotoServerFixture moto)
{
    private static readonly byte[] CommitA = Encoding.UTF8.GetBytes("{\"commitInfo\":{\"writer\":\"A\"}}\n");
    private static readonly byte[] CommitB = Encoding.UTF8.GetBytes("{\"commitInfo\":{\"writer\":\"B\"}}\n");
    private static readonly byte[] CommitZero = Encoding.UTF8.GetBytes("{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}\n");

    [Fact]
    public async Task WriterDiesAfterClaimBeforeCopy_NextReaderCopiesAndCompletes()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        await CommitAsync(bed.DynamoStore(), 0, CommitZero);
        var crashing = bed.FaultyStore();
        crashing.BeforePutIfAbsent = (key, _) => key.EndsWith("00000000000000000001.json", StringComparison.Ordinal) ? throw new SimulatedCrashException("copy") : Task.FromResult<PutIfAbsentResult?>(null);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => bed.DynamoStore(crashing).TryWriteCommitAsync(1, CommitA, default));
        Assert.Null(await bed.ObjectStore.HeadAsync(CommitKey(1), default));
        Assert.False((await EntryAsync(bed, 1))!.Complete);

        var reader = bed.DynamoStore();
        Assert.Equal(1, await reader.GetLatestVersionAsync(default));
        Assert.Equal(CommitA, (await reader.ReadCommitAsync(1, default))!.Value.ToArray());
        var entry = await EntryAsync(bed, 1);
        Assert.True(entry!.Complete);
        Assert.Equal((bed.Clock.GetUtcNow() + TimeSpan.FromDays(1)).ToUnixTimeSeconds(), entry.ExpireTime);
    }

    [Fact]
    public async Task WriterDiesAfterClaimBeforeCopy_NextWriterLosesThatVersionAndRepairsItBeforeCommittingTheNext()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        var crashing = bed.FaultyStore();
        crashing.BeforePutIfAbsent = (_, _) => throw new SimulatedCrashException("copy");
        await Assert.ThrowsAsync<SimulatedCrashException>(() => bed.DynamoStore(crashing).TryWriteCommitAsync(0, CommitA, default));

        var writer = bed.DynamoStore();
        Assert.Equal(CommitWriteResult.VersionExists, await writer.TryWriteCommitAsync(0, CommitB, default));
        Assert.Equal(CommitWriteResult.Committed, await writer.TryWriteCommitAsync(1, CommitB, default));

        Assert.Equal(CommitA, await ReadObjectAsync(bed, CommitKey(0)));
        Assert.Equal(CommitB, await ReadObjectAsync(bed, CommitKey(1)));
        Assert.True((await EntryAsync(bed, 0))!.Complete);
    }

    [Fact]
    public async Task WriterDiesAfterCopyBeforeCompletion_NextReaderOnlyCompletesTheEntry()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        var entries = bed.FaultyEntries();
        entries.BeforeMarkComplete = _ => throw new SimulatedCrashException("complete");

        await Assert.ThrowsAsync<SimulatedCrashException>(() => bed.DynamoStore(entries: entries).TryWriteCommitAsync(0, CommitA, default));
        Assert.Equal(CommitA, await ReadObjectAsync(bed, CommitKey(0)));
        Assert.False((await EntryAsync(bed, 0))!.Complete);

        var reader = bed.DynamoStore();
        Assert.Equal(0, await reader.GetLatestVersionAsync(default));
        Assert.True((await EntryAsync(bed, 0))!.Complete);
        Assert.Equal(CommitA, (await reader.ReadCommitAsync(0, default))!.Value.ToArray());
        Assert.Equal(CommitWriteResult.VersionExists, await reader.TryWriteCommitAsync(0, CommitB, default));
        Assert.Equal(CommitA, await ReadObjectAsync(bed, CommitKey(0)));
    }

    [Fact]
    public async Task StaleTempObjectWithoutEntry_IsIgnoredAndTheVersionStaysFree()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        var staleKey = $"{LogStoreTestBed.TableRoot}/_delta_log/.tmp/00000000000000000000.json.{Guid.NewGuid()}";
        await bed.ObjectStore.PutAsync(staleKey, new MemoryStream("{\"stale\":true}"u8.ToArray()), default);

        var store = bed.DynamoStore();
        Assert.Null(await store.GetLatestVersionAsync(default));
        Assert.Null(await store.ReadCommitAsync(0, default));
        Assert.Equal(CommitWriteResult.Committed, await store.TryWriteCommitAsync(0, CommitB, default));

        Assert.Equal(CommitB, await ReadObjectAsync(bed, CommitKey(0)));
        Assert.NotEqual(staleKey, $"{LogStoreTestBed.TableRoot}/_delta_log/{(await EntryAsync(bed, 0))!.TempPath}");
    }

    [Fact]
    public async Task TempObjectsRemovedAfterCompletion_DoNotAffectReads()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        var store = bed.DynamoStore();
        await CommitAsync(store, 0, CommitZero);
        await CommitAsync(store, 1, CommitA);
        await foreach (var temp in bed.ObjectStore.ListAsync($"{LogStoreTestBed.TableRoot}/_delta_log/.tmp/", null, default))
        {
            await bed.ObjectStore.DeleteAsync(temp.Key, default);
        }

        var reader = bed.DynamoStore();
        Assert.Equal(1, await reader.GetLatestVersionAsync(default));
        Assert.Equal(CommitA, (await reader.ReadCommitAsync(1, default))!.Value.ToArray());
        Assert.Equal(CommitWriteResult.Committed, await reader.TryWriteCommitAsync(2, CommitB, default));
    }

    [Fact]
    public async Task ClaimAnswerLostAfterTheClaimLanded_WriterRecognisesItsClaimAndCommits()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        var entries = bed.FaultyEntries();
        entries.OnClaim = async (_, real) =>
        {
            await real();
            throw new StorageOutcomeUnknownException("PutItem timed out (simulated)", null);
        };

        Assert.Equal(CommitWriteResult.Committed, await bed.DynamoStore(entries: entries).TryWriteCommitAsync(0, CommitA, default));

        Assert.Equal(CommitA, await ReadObjectAsync(bed, CommitKey(0)));
        Assert.True((await EntryAsync(bed, 0))!.Complete);
    }

    [Fact]
    public async Task SdkRetrySeeingItsOwnClaim_IsNotReportedAsALostRace()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        var entries = bed.FaultyEntries();
        entries.OnClaim = async (_, real) =>
        {
            await real();
            return false; // the resent PutItem failed its condition on the first attempt's item
        };

        Assert.Equal(CommitWriteResult.Committed, await bed.DynamoStore(entries: entries).TryWriteCommitAsync(0, CommitA, default));
        Assert.Equal(CommitA, await ReadObjectAsync(bed, CommitKey(0)));
    }

    [Fact]
    public async Task ClaimAnswerLostBeforeTheClaimLanded_ThrowsOutcomeUnknownAndCommitsNothing()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        var entries = bed.FaultyEntries();
        entries.OnClaim = (_, _) => throw new StorageOutcomeUnknownException("PutItem timed out (simulated)", null);

        var error = await Assert.ThrowsAsync<StorageOutcomeUnknownException>(() => bed.DynamoStore(entries: entries).TryWriteCommitAsync(0, CommitA, default));
        Assert.Contains(bed.TablePath, error.Message, StringComparison.Ordinal);

        var retry = bed.DynamoStore();
        Assert.Null(await retry.GetLatestVersionAsync(default));
        Assert.Equal(CommitWriteResult.Committed, await retry.TryWriteCommitAsync(0, CommitA, default));
        Assert.Equal(0, await retry.GetLatestVersionAsync(default));
        Assert.Equal(CommitA, await ReadObjectAsync(bed, CommitKey(0)));
    }

    [Fact]
    public async Task ClaimThrottled_ThrowsThrottledAndClaimsNothing()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        var entries = bed.FaultyEntries();
        entries.OnClaim = (_, _) => throw new ThrottledException("PutItem throttled (simulated)", null);

        var error = await Assert.ThrowsAsync<ThrottledException>(() => bed.DynamoStore(entries: entries).TryWriteCommitAsync(0, CommitA, default));

        Assert.Equal("Lakehouse.Throttled", error.ErrorType);
        Assert.Null(await EntryAsync(bed, 0));
        Assert.Null(await bed.DynamoStore().GetLatestVersionAsync(default));
    }

    [Fact]
    public async Task CopyTimesOutAfterTheClaim_CommitIsDecidedAndTheNextReaderFinishesIt()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        var flaky = bed.FaultyStore();
        flaky.BeforePutIfAbsent = (_, _) => throw new StorageOutcomeUnknownException("PUT timed out (simulated)", null);

        Assert.Equal(CommitWriteResult.Committed, await bed.DynamoStore(flaky).TryWriteCommitAsync(0, CommitA, default));
        Assert.Null(await bed.ObjectStore.HeadAsync(CommitKey(0), default));

        var reader = bed.DynamoStore();
        Assert.Equal(CommitA, (await reader.ReadCommitAsync(0, default))!.Value.ToArray());
        Assert.Equal(0, await reader.GetLatestVersionAsync(default));
        Assert.True((await EntryAsync(bed, 0))!.Complete);
    }

    [Fact]
    public async Task CommitFileWithoutEntry_IsNeverOverwritten()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        var store = bed.DynamoStore();
        await CommitAsync(store, 0, CommitZero);
        await bed.ObjectStore.PutAsync(CommitKey(1), new MemoryStream(CommitA), default); // entry expired by TTL, or written by another tool

        Assert.Equal(CommitWriteResult.VersionExists, await store.TryWriteCommitAsync(1, CommitB, default));
        Assert.Equal(1, await store.GetLatestVersionAsync(default));

        // The same when N.json appears between the check and the copy: the copy never overwrites.
        var racing = bed.FaultyStore();
        racing.HideOnHead = key => Task.FromResult(key.EndsWith("00000000000000000001.json", StringComparison.Ordinal));
        Assert.Equal(CommitWriteResult.VersionExists, await bed.DynamoStore(racing).TryWriteCommitAsync(1, CommitB, default));

        Assert.Equal(CommitA, await ReadObjectAsync(bed, CommitKey(1)));
        Assert.True((await EntryAsync(bed, 1))!.Complete);
    }

    [Fact]
    public async Task CommitFileWithoutAnyEntries_IsSeenBeforeClaiming()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        await bed.ObjectStore.PutAsync(CommitKey(0), new MemoryStream(CommitA), default); // all entries expired

        Assert.Equal(CommitWriteResult.VersionExists, await bed.DynamoStore().TryWriteCommitAsync(0, CommitB, default));

        Assert.Null(await EntryAsync(bed, 0));
        Assert.Equal(CommitA, await ReadObjectAsync(bed, CommitKey(0)));
        Assert.Equal(0, await bed.DynamoStore().GetLatestVersionAsync(default));
    }

    [Fact]
    public async Task ClaimedEntryWhoseTempObjectVanished_FailsLoudlyNamingTheEntry()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        await bed.Entries.TryClaimAsync(new CommitEntry(bed.TablePath, "00000000000000000000.json", ".tmp/00000000000000000000.json.gone", false), default);

        var error = await Assert.ThrowsAsync<CommitRepairException>(() => bed.DynamoStore().GetLatestVersionAsync(default));

        Assert.Contains(bed.TablePath, error.Message, StringComparison.Ordinal);
        Assert.Contains(".tmp/00000000000000000000.json.gone", error.Message, StringComparison.Ordinal);
        Assert.Contains(bed.TableName, error.Message, StringComparison.Ordinal);
    }

    private static string CommitKey(long version) => $"{LogStoreTestBed.TableRoot}/_delta_log/{version:D20}.json";

    private static async Task CommitAsync(ILogStore store, long version, byte[] bytes) =>
        Assert.Equal(CommitWriteResult.Committed, await store.TryWriteCommitAsync(version, bytes, default));

    private static Task<CommitEntry?> EntryAsync(LogStoreTestBed bed, long version) =>
        bed.Entries.GetAsync(bed.TablePath, $"{version:D20}.json", default);

    private static async Task<byte[]> ReadObjectAsync(LogStoreTestBed bed, string key)
    {
        await using var stream = await bed.ObjectStore.OpenReadAsync(key, default);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
