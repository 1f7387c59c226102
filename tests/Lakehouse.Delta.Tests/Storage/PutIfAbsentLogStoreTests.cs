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

    [Theory]
    [InlineData(true, CommitWriteResult.Committed)]
    [InlineData(false, null)]
    public async Task TryWriteCommit_WhenThePutTimesOut_ReadsTheFileBackToDecide(bool landed, CommitWriteResult? expected)
    {
        var store = new AmbiguousPutStore(landed);
        var log = new PutIfAbsentLogStore(store, "t");

        if (expected is { } result)
        {
            Assert.Equal(result, await log.TryWriteCommitAsync(0, "{\"a\":1}\n"u8.ToArray(), default));
        }
        else
        {
            var error = await Assert.ThrowsAsync<StorageOutcomeUnknownException>(() => log.TryWriteCommitAsync(0, "{\"a\":1}\n"u8.ToArray(), default));
            Assert.Contains("memory:///t/_delta_log/00000000000000000000.json", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TryWriteCommit_WhenTheSameBytesAreAlreadyThere_ReportsCommitted()
    {
        var log = new PutIfAbsentLogStore(new InMemoryObjectStore(), "t");
        await log.TryWriteCommitAsync(0, "{\"a\":1}\n"u8.ToArray(), default);

        // A resent request whose first attempt succeeded finds its own bytes: that is this writer's commit.
        Assert.Equal(CommitWriteResult.Committed, await log.TryWriteCommitAsync(0, "{\"a\":1}\n"u8.ToArray(), default));
    }

    /// <summary>An in-memory store whose conditional put times out, after writing the object when <c>landed</c>.</summary>
    private sealed class AmbiguousPutStore(bool landed) : IObjectStore
    {
        private readonly InMemoryObjectStore _inner = new();

        public string Describe(string key) => _inner.Describe(key);

        public Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken) => _inner.HeadAsync(key, cancellationToken);

        public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => _inner.OpenReadAsync(key, cancellationToken);

        public Task<ReadOnlyMemory<byte>> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken) =>
            _inner.ReadRangeAsync(key, offset, length, cancellationToken);

        public Task PutAsync(string key, Stream content, CancellationToken cancellationToken) => _inner.PutAsync(key, content, cancellationToken);

        public async Task<PutIfAbsentResult> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
        {
            if (landed)
            {
                await _inner.PutIfAbsentAsync(key, content, cancellationToken);
            }

            throw new StorageOutcomeUnknownException($"PUT {Describe(key)} timed out", null);
        }

        public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, string? startAfter, CancellationToken cancellationToken) =>
            _inner.ListAsync(prefix, startAfter, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => _inner.DeleteAsync(key, cancellationToken);
    }
}
