using System.Text;
using Lakehouse.Delta.Storage;

namespace Lakehouse.Aws.Tests.Storage;

/// <summary>
/// The <see cref="IObjectStore"/> contract, written once for every implementation: derive, create the store in
/// <see cref="CreateStoreAsync"/>, and every test here runs against it (S3 here; the filesystem store can reuse it).
/// </summary>
public abstract class ObjectStoreContractTests : IAsyncLifetime
{
    private IObjectStore? _store;

    protected IObjectStore Store => _store ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>A fresh, empty store.</summary>
    protected abstract Task<IObjectStore> CreateStoreAsync();

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Put_ThenOpenRead_ReturnsTheSameBytes()
    {
        var bytes = Bytes(100_000, seed: 1);
        await Store.PutAsync("data/part-0.bin", new MemoryStream(bytes), default);

        await using var stream = await Store.OpenReadAsync("data/part-0.bin", default);
        Assert.Equal(bytes, await ReadAllAsync(stream));
    }

    [Fact]
    public async Task Put_FromANonSeekableStream_StoresEverything()
    {
        var bytes = Bytes(70_001, seed: 2);
        await Store.PutAsync("stream.bin", new NonSeekableStream(bytes), default);

        Assert.Equal(bytes, await ReadAllAsync(await Store.OpenReadAsync("stream.bin", default)));
    }

    [Fact]
    public async Task Put_FromAPositionedStream_StoresWhatFollowsThePosition()
    {
        var bytes = Bytes(5000, seed: 4);
        var stream = new MemoryStream(bytes) { Position = 1000 };

        await Store.PutAsync("positioned.bin", stream, default);

        Assert.Equal(bytes[1000..], await ReadAllAsync(await Store.OpenReadAsync("positioned.bin", default)));
    }

    [Fact]
    public async Task Put_AnEmptyObject_HasSizeZero()
    {
        await Store.PutAsync("empty", new MemoryStream(), default);

        var head = await Store.HeadAsync("empty", default);
        Assert.NotNull(head);
        Assert.Equal(0, head.Size);
        Assert.Empty(await ReadAllAsync(await Store.OpenReadAsync("empty", default)));
    }

    [Fact]
    public async Task Put_OverAnExistingObject_ReplacesIt()
    {
        await Store.PutAsync("k", Text("first version"), default);
        await Store.PutAsync("k", Text("second"), default);

        Assert.Equal("second", Encoding.UTF8.GetString(await ReadAllAsync(await Store.OpenReadAsync("k", default))));
    }

    [Fact]
    public async Task ReadRange_ReturnsTheSliceAndFewerBytesOnlyAtTheEnd()
    {
        var bytes = Bytes(1000, seed: 3);
        await Store.PutAsync("r.bin", new MemoryStream(bytes), default);

        Assert.Equal(bytes[100..150], (await Store.ReadRangeAsync("r.bin", 100, 50, default)).ToArray());
        Assert.Equal(bytes[990..], (await Store.ReadRangeAsync("r.bin", 990, 50, default)).ToArray());
        Assert.Equal(0, (await Store.ReadRangeAsync("r.bin", 1000, 10, default)).Length);
        Assert.Equal(0, (await Store.ReadRangeAsync("r.bin", 5, 0, default)).Length);
    }

    [Fact]
    public async Task Reads_OfAMissingKey_ThrowObjectNotFoundNamingTheKey()
    {
        var open = await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.OpenReadAsync("missing/file.json", default));
        var range = await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.ReadRangeAsync("missing/file.json", 0, 10, default));

        Assert.EndsWith("missing/file.json", open.Location, StringComparison.Ordinal);
        Assert.Contains("missing/file.json", range.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_ReportsSizeAndNullForMissingKeys()
    {
        await Store.PutAsync("h.txt", Text("12345"), default);

        var head = await Store.HeadAsync("h.txt", default);
        Assert.NotNull(head);
        Assert.Equal("h.txt", head.Key);
        Assert.Equal(5, head.Size);
        Assert.Null(await Store.HeadAsync("h.txt.missing", default));
    }

    [Fact]
    public async Task PutIfAbsent_WhenTheKeyExists_ReturnsAlreadyExistsAndKeepsTheOriginal()
    {
        Assert.Equal(PutIfAbsentResult.Created, await Store.PutIfAbsentAsync("_delta_log/00000000000000000000.json", "original"u8.ToArray(), default));
        Assert.Equal(PutIfAbsentResult.AlreadyExists, await Store.PutIfAbsentAsync("_delta_log/00000000000000000000.json", "intruder"u8.ToArray(), default));

        Assert.Equal("original", Encoding.UTF8.GetString(await ReadAllAsync(await Store.OpenReadAsync("_delta_log/00000000000000000000.json", default))));
    }

    [Fact]
    public async Task PutIfAbsent_WithConcurrentCallers_CreatesExactlyOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => Store.PutIfAbsentAsync("race.json", Encoding.UTF8.GetBytes($"writer {i}"), default))));

        var winner = Assert.Single(Enumerable.Range(0, 12), i => results[i] == PutIfAbsentResult.Created);
        Assert.Equal($"writer {winner}", Encoding.UTF8.GetString(await ReadAllAsync(await Store.OpenReadAsync("race.json", default))));
    }

    [Fact]
    public async Task List_ReturnsKeysUnderThePrefixInOrdinalOrderAfterStartAfter()
    {
        string[] keys = ["log/b", "log/a/2", "log/a/10", "log/B", "log/c", "logs/x", "other/y"];
        foreach (var key in keys)
        {
            await Store.PutAsync(key, Text(key), default);
        }

        var all = await ListAsync("log/", null);
        Assert.Equal(["log/B", "log/a/10", "log/a/2", "log/b", "log/c"], all);
        Assert.Equal(["log/b", "log/c"], await ListAsync("log/", "log/a/2"));
        Assert.Equal(["log/B", "log/a/10", "log/a/2", "log/b", "log/c", "logs/x"], await ListAsync("log", null));
        Assert.Empty(await ListAsync("nothing/", null));
    }

    [Fact]
    public async Task List_ReportsSizes()
    {
        await Store.PutAsync("sizes/one", Text("1"), default);
        await Store.PutAsync("sizes/three", Text("333"), default);

        var listed = new List<ObjectInfo>();
        await foreach (var item in Store.ListAsync("sizes/", null, default))
        {
            listed.Add(item);
        }

        Assert.Equal([("sizes/one", 1L), ("sizes/three", 3L)], listed.Select(i => (i.Key, i.Size)));
    }

    [Fact]
    public async Task Delete_IsIdempotent()
    {
        await Store.PutAsync("d.txt", Text("x"), default);

        await Store.DeleteAsync("d.txt", default);
        await Store.DeleteAsync("d.txt", default);
        await Store.DeleteAsync("never-existed.txt", default);

        Assert.Null(await Store.HeadAsync("d.txt", default));
    }

    [Theory]
    [InlineData("dir with spaces/file name.parquet")]
    [InlineData("plus+sign/a+b=c.json")]
    [InlineData("percent%20literal/100%.csv")]
    [InlineData("unicode/ünïcødé-日本語-🦆.json")]
    [InlineData("part=2024-01-01 10:00:00/x&y?z#w.bin")]
    public async Task Keys_WithSpecialCharacters_RoundTripThroughEveryOperation(string key)
    {
        await Store.PutAsync(key, Text(key), default);

        Assert.Equal(key, Encoding.UTF8.GetString(await ReadAllAsync(await Store.OpenReadAsync(key, default))));
        Assert.Equal(Encoding.UTF8.GetByteCount(key), (await Store.HeadAsync(key, default))!.Size);
        Assert.Equal(PutIfAbsentResult.AlreadyExists, await Store.PutIfAbsentAsync(key, "other"u8.ToArray(), default));
        Assert.Equal([key], await ListAsync(key[..(key.IndexOf('/', StringComparison.Ordinal) + 1)], null));
        await Store.DeleteAsync(key, default);
        Assert.Null(await Store.HeadAsync(key, default));
    }

    protected async Task<List<string>> ListAsync(string prefix, string? startAfter)
    {
        var keys = new List<string>();
        await foreach (var item in Store.ListAsync(prefix, startAfter, default))
        {
            keys.Add(item.Key);
        }

        return keys;
    }

    protected static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    protected static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));
}
