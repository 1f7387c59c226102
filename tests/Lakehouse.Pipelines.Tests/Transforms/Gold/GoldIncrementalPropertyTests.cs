using FsCheck;
using FsCheck.Fluent;
using Lakehouse.Delta.Maintenance;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Transforms.Gold;

namespace Lakehouse.Pipelines.Tests.Transforms.Gold;

/// <summary>
/// Random inserts, updates (including key moves and rows crossing the filter), deletes and compactions across several
/// gold runs: after every run the incrementally maintained tables equal their fully recomputed twins.
/// </summary>
public sealed class GoldIncrementalPropertyTests
{
    private static readonly string?[] Regions = ["north", "south", "east", "west", null];

    private static object?[] RandomRow(Random random, long id) =>
    [
        id,
        Regions[random.Next(Regions.Length)],
        random.Next(8) == 0 ? null : (long?)random.Next(1, 9),
        new DecimalValue(random.Next(-500, 5000), 2),
        random.Next(-2, 10),
    ];

    private static async Task<string?> CheckAsync(int seed)
    {
        var random = new Random(seed);
        var s = new GoldScenario(new GoldIncrementalPolicy(MaxChangeFraction: 10, GroupsPerFile: 3));
        long nextId = 1;
        await s.InsertAsync(Enumerable.Range(0, 6).Select(_ => RandomRow(random, nextId++)).ToArray());
        var incrementalRuns = 0;
        var fullReasons = new List<string>();
        for (var run = 0; run < 5; run++)
        {
            var operations = random.Next(1, 4);
            for (var o = 0; o < operations; o++)
            {
                switch (random.Next(5))
                {
                    case 0:
                    case 1:
                        await s.InsertAsync(Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomRow(random, nextId++)).ToArray());
                        break;
                    case 2:
                        var updated = random.Next(1, (int)nextId);
                        var replacement = RandomRow(random, updated);
                        await s.ChangeAsync(r => (long)r[0]! == updated ? replacement : r);
                        break;
                    case 3:
                        var deleted = random.Next(1, (int)nextId);
                        await s.ChangeAsync(r => (long)r[0]! == deleted ? null : r);
                        break;
                    default:
                        await s.Silver.OptimizeAsync(new OptimizeOptions());
                        break;
                }
            }

            foreach (var table in new[] { "by_customer", "by_region", "by_region_sums" })
            {
                var summary = await s.RunBothAsync(table);
                if ((string?)summary["strategy"] == GoldStrategyDecision.IncrementalStrategy)
                {
                    incrementalRuns++;
                }
                else if ((string?)summary["strategy"] == GoldStrategyDecision.FullStrategy && run > 0)
                {
                    fullReasons.Add($"{table} run {run}: {summary["message"]}");
                }

                var expected = await s.RowsAsync(table + "_full");
                var actual = await s.RowsAsync(table);
                if (!expected.SequenceEqual(actual))
                {
                    return $"seed {seed}, run {run}, {table} ({summary["message"]}): expected [{string.Join(", ", expected)}] but was [{string.Join(", ", actual)}]";
                }
            }
        }

        // Only the first run of each table must be full (runs with no source change are skipped).
        return fullReasons.Count > 0 || incrementalRuns == 0 ? $"seed {seed}: {incrementalRuns} incremental run(s), unexpected full runs: {string.Join("; ", fullReasons)}" : null;
    }

    [Fact]
    public void IncrementalGold_EqualsFullRecompute_AfterRandomChangesAcrossRuns()
    {
        Prop.ForAll<int>(seed => CheckAsync(seed).GetAwaiter().GetResult() is not { } failure ? true.ToProperty() : false.ToProperty().Label(failure))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(20));
    }
}
