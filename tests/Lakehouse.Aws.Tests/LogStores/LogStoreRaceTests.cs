using System.Collections.Concurrent;
using System.Text;
using Lakehouse.Delta.Storage;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Aws.Tests.LogStores;

/// <summary>8 writers × 50 commits racing for the same versions through one log store implementation each.</summary>
[Collection("moto")]
public sealed class LogStoreRaceTests(MotoServerFixture moto)
{
    private const int Writers = 8;
    private const int CommitsPerWriter = 50;

    [Fact]
    public async Task DynamoDbLogStore_ParallelWriters_ProduceContiguousVersionsEachWrittenOnce()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);

        // Each writer is its own store instance, as separate Lambda invocations would be.
        var winners = await RaceAsync(_ => bed.DynamoStore());

        await AssertLogMatchesWinnersAsync(bed.DynamoStore(), winners);
        var entries = await bed.Dynamo.QueryAsync(new Amazon.DynamoDBv2.Model.QueryRequest
        {
            TableName = bed.TableName,
            KeyConditionExpression = "tablePath = :p",
            ExpressionAttributeValues = new() { [":p"] = new(bed.TablePath) },
            ConsistentRead = true,
        });
        Assert.Equal(Writers * CommitsPerWriter, entries.Count);
        Assert.All(entries.Items, item => Assert.Equal("true", item["complete"].S));
    }

    [Fact]
    public async Task S3ConditionalLogStore_ParallelWriters_ProduceContiguousVersionsEachWrittenOnce()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);

        var winners = await RaceAsync(_ => bed.ConditionalStore());

        await AssertLogMatchesWinnersAsync(bed.ConditionalStore(), winners);
    }

    /// <summary>Every writer commits its 50 payloads, trying the next version after each lost race.</summary>
    private static async Task<ConcurrentDictionary<long, (int Writer, byte[] Bytes)>> RaceAsync(Func<int, ILogStore> storeFor)
    {
        var winners = new ConcurrentDictionary<long, (int Writer, byte[] Bytes)>();
        var duplicates = new ConcurrentBag<long>();
        using var start = new SemaphoreSlim(0, Writers);
        var tasks = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var store = storeFor(writer);
            await start.WaitAsync();
            long version = 0;
            for (var commit = 0; commit < CommitsPerWriter; commit++)
            {
                var bytes = Encoding.UTF8.GetBytes($"{{\"commitInfo\":{{\"writer\":{writer},\"commit\":{commit}}}}}\n{{\"add\":{{\"path\":\"w{writer}-c{commit}.parquet\"}}}}\n");
                while (await store.TryWriteCommitAsync(version, bytes, default) == CommitWriteResult.VersionExists)
                {
                    version++;
                }

                if (!winners.TryAdd(version, (writer, bytes)))
                {
                    duplicates.Add(version);
                }

                version++;
            }
        })).ToList();
        start.Release(Writers);
        await Task.WhenAll(tasks);

        Assert.Empty(duplicates);
        return winners;
    }

    private static async Task AssertLogMatchesWinnersAsync(ILogStore reader, ConcurrentDictionary<long, (int Writer, byte[] Bytes)> winners)
    {
        const int total = Writers * CommitsPerWriter;
        Assert.Equal(Enumerable.Range(0, total).Select(v => (long)v), winners.Keys.Order());
        Assert.Equal(total - 1, await reader.GetLatestVersionAsync(default));
        for (var version = 0; version < total; version++)
        {
            var stored = await reader.ReadCommitAsync(version, default);
            Assert.NotNull(stored);
            Assert.True(winners[version].Bytes.AsSpan().SequenceEqual(stored.Value.Span), $"version {version} does not hold its winner's bytes");
        }

        Assert.All(Enumerable.Range(0, Writers), w => Assert.Equal(CommitsPerWriter, winners.Values.Count(x => x.Writer == w)));
        Assert.Null(await reader.ReadCommitAsync(total, default));
    }
}
