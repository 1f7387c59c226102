using System.Text;
using Lakehouse.Delta.Storage;
using Lakehouse.Testing.IO;

namespace Lakehouse.Delta.Tests.Storage;

public sealed class ObjectStoreContractTests : IDisposable
{
    private readonly TempDirectory _dir = new("lh-store");

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Stores => new() { "fs", "memory" };

    private IObjectStore Create(string kind) => kind == "fs" ? new FileSystemObjectStore(_dir.Path) : new InMemoryObjectStore();

    private static async Task<string> ReadTextAsync(IObjectStore store, string key)
    {
        await using var s = await store.OpenReadAsync(key, default);
        using var reader = new StreamReader(s);
        return await reader.ReadToEndAsync();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task PutIfAbsent_WhenKeyExists_ReturnsAlreadyExistsAndKeepsContent(string kind)
    {
        var store = Create(kind);

        var first = await store.PutIfAbsentAsync("t/_delta_log/0.json", "one"u8.ToArray(), default);
        var second = await store.PutIfAbsentAsync("t/_delta_log/0.json", "two"u8.ToArray(), default);

        Assert.Equal(PutIfAbsentResult.Created, first);
        Assert.Equal(PutIfAbsentResult.AlreadyExists, second);
        Assert.Equal("one", await ReadTextAsync(store, "t/_delta_log/0.json"));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task PutIfAbsent_ManyConcurrentCallers_ExactlyOneWins(string kind)
    {
        var store = Create(kind);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => store.PutIfAbsentAsync("k/race.json", Encoding.UTF8.GetBytes("writer " + i), default))));

        Assert.Equal(1, results.Count(r => r == PutIfAbsentResult.Created));
        Assert.StartsWith("writer ", await ReadTextAsync(store, "k/race.json"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task List_ReturnsOrdinalOrderStrictlyAfterStartAfter(string kind)
    {
        var store = Create(kind);
        foreach (var key in new[] { "p/b", "p/a", "p/sub/c", "p/B", "q/x" })
        {
            await store.PutAsync(key, new MemoryStream([1, 2, 3]), default);
        }

        var all = await store.ListAsync("p/", null, default).Select(o => o.Key).ToListAsync();
        var after = await store.ListAsync("p/", "p/a", default).Select(o => o.Key).ToListAsync();

        Assert.Equal(["p/B", "p/a", "p/b", "p/sub/c"], all);
        Assert.Equal(["p/b", "p/sub/c"], after);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Delete_MissingKey_Succeeds_AndReadOfMissingKeyThrowsNotFound(string kind)
    {
        var store = Create(kind);
        await store.PutAsync("x/y", new MemoryStream("abcdef"u8.ToArray()), default);

        await store.DeleteAsync("x/y", default);
        await store.DeleteAsync("x/y", default);
        await store.DeleteAsync("nope/z", default);

        Assert.Null(await store.HeadAsync("x/y", default));
        var ex = await Assert.ThrowsAsync<ObjectNotFoundException>(() => store.OpenReadAsync("x/y", default));
        Assert.Contains("x/y", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ReadRange_ReturnsRequestedSliceAndShortReadAtEnd(string kind)
    {
        var store = Create(kind);
        await store.PutAsync("r", new MemoryStream("0123456789"u8.ToArray()), default);

        var middle = await store.ReadRangeAsync("r", 2, 3, default);
        var tail = await store.ReadRangeAsync("r", 8, 10, default);
        var head = await store.HeadAsync("r", default);

        Assert.Equal("234", Encoding.UTF8.GetString(middle.Span));
        Assert.Equal("89", Encoding.UTF8.GetString(tail.Span));
        Assert.Equal(10, head!.Size);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ReadRange_FarPastTheEnd_ReturnsWhatIsThereWithoutAllocatingTheRequest(string kind)
    {
        var store = Create(kind);
        await store.PutAsync("r", new MemoryStream("0123456789"u8.ToArray()), default);

        var tail = await store.ReadRangeAsync("r", 8, int.MaxValue, default);

        Assert.Equal("89", Encoding.UTF8.GetString(tail.Span));
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => store.ReadRangeAsync("missing", 0, int.MaxValue, default));
    }

    [Fact]
    public async Task FileSystemPut_LeavesNoTempFilesAndListingHidesThem()
    {
        var store = new FileSystemObjectStore(_dir.Path);
        await store.PutAsync("a/b.json", new MemoryStream([1]), default);
        await store.PutIfAbsentAsync("a/b.json", new byte[] { 2 }, default);

        Assert.Equal(["b.json"], Directory.GetFiles(_dir.Combine("a")).Select(Path.GetFileName));
    }
}
