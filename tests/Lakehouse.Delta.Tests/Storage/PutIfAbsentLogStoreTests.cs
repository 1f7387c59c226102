using Lakehouse.Delta.Storage;

namespace Lakehouse.Delta.Tests.Storage;

public class PutIfAbsentLogStoreTests
{
    [Fact]
    public async Task TryWriteCommit_WhenVersionExists_ReturnsVersionExists()
    {
        var store = new InMemoryObjectStore();
        var log = PutIfAbsentLogStoreFactory.Instance.ForTable(store, "lake/t");

        var first = await log.TryWriteCommitAsync(0, "{}\n"u8.ToArray(), default);
        var second = await log.TryWriteCommitAsync(0, "{\"x\":1}\n"u8.ToArray(), default);

        Assert.Equal(CommitWriteResult.Committed, first);
        Assert.Equal(CommitWriteResult.VersionExists, second);
        Assert.NotNull(await store.HeadAsync("lake/t/_delta_log/00000000000000000000.json", default));
        Assert.Equal("{}\n"u8.ToArray(), (await log.ReadCommitAsync(0, default))!.Value.ToArray());
    }

    [Fact]
    public async Task GetLatestVersion_ReturnsNewestCommitOrNull()
    {
        var store = new InMemoryObjectStore();
        var log = new PutIfAbsentLogStore(store, "t");
        Assert.Null(await log.GetLatestVersionAsync(default));

        for (var v = 0; v < 12; v++)
        {
            await log.TryWriteCommitAsync(v, "{}\n"u8.ToArray(), default);
        }

        await store.PutAsync("t/_delta_log/00000000000000000010.checkpoint.parquet", new MemoryStream([1]), default);
        Assert.Equal(11, await log.GetLatestVersionAsync(default));
        Assert.Null(await log.ReadCommitAsync(12, default));
        Assert.Equal("memory:///t", log.TableUri);
    }
}
