using System.Text;
using Lakehouse.Aws.Errors;
using Lakehouse.Delta.Storage;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Aws.Tests.LogStores;

[Collection("moto")]
public sealed class S3ConditionalCommitFaultTests(MotoServerFixture moto)
{
    private static readonly byte[] CommitA = Encoding.UTF8.GetBytes("{\"commitInfo\":{\"writer\":\"A\"}}\n");
    private static readonly byte[] CommitB = Encoding.UTF8.GetBytes("{\"commitInfo\":{\"writer\":\"B\"}}\n");

    [Fact]
    public async Task PutAnswerLostAfterThePutLanded_IsRecognisedAsCommitted()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        var flaky = bed.FaultyStore();
        flaky.BeforePutIfAbsent = async (key, content) =>
        {
            await bed.ObjectStore.PutIfAbsentAsync(key, content, default);
            throw new StorageOutcomeUnknownException("PUT timed out (simulated)", null);
        };

        Assert.Equal(CommitWriteResult.Committed, await bed.ConditionalStore(flaky).TryWriteCommitAsync(0, CommitA, default));
        Assert.Equal(CommitA, (await bed.ConditionalStore().ReadCommitAsync(0, default))!.Value.ToArray());
    }

    [Fact]
    public async Task SdkResendAnsweredPreconditionFailedOnItsOwnPut_IsRecognisedAsCommitted()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        var resending = bed.FaultyStore();
        resending.BeforePutIfAbsent = async (key, content) =>
        {
            await bed.ObjectStore.PutIfAbsentAsync(key, content, default);
            return PutIfAbsentResult.AlreadyExists;
        };

        Assert.Equal(CommitWriteResult.Committed, await bed.ConditionalStore(resending).TryWriteCommitAsync(0, CommitA, default));
    }

    [Fact]
    public async Task PutAnswerLostBeforeThePutLanded_ThrowsOutcomeUnknownAndCommitsNothing()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        var flaky = bed.FaultyStore();
        flaky.BeforePutIfAbsent = (_, _) => throw new StorageOutcomeUnknownException("PUT timed out (simulated)", null);

        var error = await Assert.ThrowsAsync<StorageOutcomeUnknownException>(() => bed.ConditionalStore(flaky).TryWriteCommitAsync(0, CommitA, default));

        Assert.Contains("00000000000000000000.json", error.Message, StringComparison.Ordinal);
        Assert.Null(await bed.ConditionalStore().GetLatestVersionAsync(default));
        Assert.Equal(CommitWriteResult.Committed, await bed.ConditionalStore().TryWriteCommitAsync(0, CommitA, default));
    }

    [Fact]
    public async Task LosingWriter_GetsVersionExistsAndTheWinnersBytesStay()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        var store = bed.ConditionalStore();

        Assert.Equal(CommitWriteResult.Committed, await store.TryWriteCommitAsync(0, CommitA, default));
        Assert.Equal(CommitWriteResult.VersionExists, await store.TryWriteCommitAsync(0, CommitB, default));

        Assert.Equal(CommitA, (await store.ReadCommitAsync(0, default))!.Value.ToArray());
        Assert.Equal(0, await store.GetLatestVersionAsync(default));
        Assert.Null(await store.ReadCommitAsync(1, default));
    }

    [Fact]
    public async Task LatestVersion_IgnoresCheckpointsTempFilesAndOtherLogFiles()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        var store = bed.ConditionalStore();
        await store.TryWriteCommitAsync(0, CommitA, default);
        await store.TryWriteCommitAsync(1, CommitB, default);
        foreach (var name in new[] { "00000000000000000001.checkpoint.parquet", "_last_checkpoint", ".tmp/00000000000000000009.json.x", "00000000000000000007.crc", "0000000000000000009.json" })
        {
            await bed.ObjectStore.PutAsync($"{LogStoreTestBed.TableRoot}/_delta_log/{name}", new MemoryStream([1]), default);
        }

        Assert.Equal(1, await store.GetLatestVersionAsync(default));
        Assert.Equal($"s3://{bed.Bucket}/warehouse/{LogStoreTestBed.TableRoot}", store.TableUri);
    }

    [Fact]
    public async Task LatestVersion_ListsFromTheLastCheckpointAndFallsBackToAFullListing()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        var counting = bed.FaultyStore();
        var store = bed.ConditionalStore(counting);
        for (var v = 0; v < 8; v++)
        {
            await store.TryWriteCommitAsync(v, CommitA, default);
        }

        await bed.ObjectStore.PutAsync($"{LogStoreTestBed.TableRoot}/_delta_log/_last_checkpoint", new MemoryStream("{\"version\":5,\"size\":12}"u8.ToArray()), default);
        Assert.Equal(7, await store.GetLatestVersionAsync(default));
        Assert.Equal($"{LogStoreTestBed.TableRoot}/_delta_log/00000000000000000005.json", counting.ListStarts[^1]);

        await bed.ObjectStore.PutAsync($"{LogStoreTestBed.TableRoot}/_delta_log/_last_checkpoint", new MemoryStream("{\"version\":99}"u8.ToArray()), default);
        Assert.Equal(7, await store.GetLatestVersionAsync(default));
        Assert.Null(counting.ListStarts[^1]);

        await bed.ObjectStore.PutAsync($"{LogStoreTestBed.TableRoot}/_delta_log/_last_checkpoint", new MemoryStream("not json"u8.ToArray()), default);
        Assert.Equal(7, await store.GetLatestVersionAsync(default));
    }
}
