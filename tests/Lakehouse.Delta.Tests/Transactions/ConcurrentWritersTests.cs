using System.Diagnostics;
using Lakehouse.Delta.Storage;
using Lakehouse.Delta.Writing;
using Lakehouse.Testing.IO;

namespace Lakehouse.Delta.Tests.Transactions;

/// <summary>Many writers append to one filesystem table: every commit lands exactly once at contiguous versions.</summary>
public sealed class ConcurrentWritersTests : IDisposable
{
    private readonly TempDirectory _dir = new("lh-concurrent");

    public void Dispose() => _dir.Dispose();

    private async Task<DeltaTable> CreateTableAsync()
    {
        var store = new FileSystemObjectStore(_dir.Path);
        return await DeltaTable.CreateAsync(store, string.Empty, TestWriterData.Schema);
    }

    private async Task AssertEveryAppendOnceAsync(int writers, int appendsPerWriter)
    {
        var store = new FileSystemObjectStore(_dir.Path);
        var table = DeltaTable.ForPath(store, string.Empty);
        var snapshot = await table.GetSnapshotAsync();
        var total = writers * appendsPerWriter;

        var commits = Directory.GetFiles(Path.Combine(_dir.Path, "_delta_log"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(0, total + 1).Select(v => $"{v:D20}.json"), commits);
        var expected = Enumerable.Range(0, writers).SelectMany(w => Enumerable.Range(0, appendsPerWriter).Select(i => TestWriterData.RowId(w, i))).Order();
        var rows = new List<long>();
        await foreach (var batch in table.ReadAsync(snapshot))
        {
            rows.AddRange(((Lakehouse.Parquet.Data.Int64Vector)batch.Columns[0]).Values.ToArray());
        }

        Assert.Equal(expected, rows.Order());
        Assert.Equal(total, snapshot.Files.Count);
        Assert.Equal(total, snapshot.Version);
        var fresh = await DeltaTable.ForPath(new FileSystemObjectStore(_dir.Path), string.Empty).GetSnapshotAsync();
        Assert.Equal(total, fresh.Files.Count);
    }

    [Fact]
    public async Task EightThreadsTimesHundredAppends_AllCommitAtContiguousVersions()
    {
        const int writers = 8, appends = 100;
        await CreateTableAsync();

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var table = DeltaTable.ForPath(new FileSystemObjectStore(_dir.Path), string.Empty);
            for (var i = 0; i < appends; i++)
            {
                var tx = await table.StartTransactionAsync();
                await TestWriterData.AppendAsync(tx, w, i);
                var result = await tx.CommitAsync();
                Assert.Null(result.PostCommitError);
            }
        })));

        await AssertEveryAppendOnceAsync(writers, appends);
    }

    [Fact]
    public async Task SeparateProcesses_AllCommitAtContiguousVersions()
    {
        const int writers = 4, appends = 25;
        await CreateTableAsync();
        var helper = Path.Combine(AppContext.BaseDirectory, "Lakehouse.Delta.TestWriter.dll");

        var processes = Enumerable.Range(0, writers).Select(w =>
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { helper, _dir.Path, w.ToString(System.Globalization.CultureInfo.InvariantCulture), appends.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            {
                psi.ArgumentList.Add(a);
            }

            return Process.Start(psi)!;
        }).ToList();
        var outputs = await Task.WhenAll(processes.Select(async p =>
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            return (p.ExitCode, Out: await stdout, Err: await stderr);
        }));

        Assert.All(outputs, o => Assert.True(o.ExitCode == 0, o.Err));
        var versions = outputs.SelectMany(o => o.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Select(long.Parse).Order().ToList();
        Assert.Equal(Enumerable.Range(1, writers * appends).Select(v => (long)v), versions);
        await AssertEveryAppendOnceAsync(writers, appends);
    }
}
