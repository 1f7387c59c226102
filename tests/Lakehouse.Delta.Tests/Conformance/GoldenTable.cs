using System.Text.Json;
using Lakehouse.Testing;

namespace Lakehouse.Delta.Tests.Conformance;

/// <summary>One entry of shared/delta-golden/EXPECTED.json.</summary>
public sealed record GoldenTable(
    string Name,
    string TableRoot,
    long LatestVersion,
    int ActiveFiles,
    int? Tombstones,
    long? Rows,
    bool LogOnly,
    bool Negative,
    IReadOnlyDictionary<string, long> Txns,
    IReadOnlyList<string>? PartitionColumns,
    string ExpectedText)
{
    private static readonly Lazy<IReadOnlyDictionary<string, GoldenTable>> AllLazy = new(Load);

    public static IReadOnlyDictionary<string, GoldenTable> All => AllLazy.Value;

    public string FullPath => Path.Combine(RepositoryPaths.DeltaGolden, TableRoot);

    public static TheoryData<string> Names(Func<GoldenTable, bool> filter)
    {
        var data = new TheoryData<string>();
        foreach (var t in All.Values.Where(filter).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            data.Add(t.Name);
        }

        return data;
    }

    private static IReadOnlyDictionary<string, GoldenTable> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.DeltaGolden, "EXPECTED.json")));
        var result = new Dictionary<string, GoldenTable>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            var e = p.Value;
            static long? L(JsonElement e, string n) => e.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;
            var txns = e.GetProperty("txns").EnumerateObject().ToDictionary(t => t.Name, t => t.Value.GetInt64());
            var parts = e.TryGetProperty("partition_columns", out var pc) && pc.ValueKind == JsonValueKind.Array
                ? pc.EnumerateArray().Select(x => x.GetString()!).ToArray() : null;
            result[p.Name] = new GoldenTable(
                p.Name,
                e.GetProperty("table_root").GetString()!,
                L(e, "latest_version") ?? -1,
                (int)(L(e, "active_files") ?? 0),
                (int?)L(e, "tombstones"),
                L(e, "rows"),
                e.GetProperty("log_only").GetBoolean(),
                e.GetProperty("negative").GetBoolean(),
                txns,
                parts,
                e.GetProperty("expected_text").GetString() ?? string.Empty);
        }

        return result;
    }
}
