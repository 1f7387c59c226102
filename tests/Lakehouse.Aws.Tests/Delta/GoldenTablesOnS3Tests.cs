using System.Globalization;
using System.Text.Json;
using Lakehouse.Aws.LogStores;
using Lakehouse.Aws.S3;
using Lakehouse.Delta;
using Lakehouse.Delta.Storage;
using Lakehouse.Testing;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Aws.Tests.Delta;

/// <summary>
/// Tables written by Spark, delta-rs and older Delta releases (shared/delta-golden), uploaded to (moto) S3 and read
/// through S3ObjectStore: same version and rows as read from disk. Their keys carry literal '%', spaces and '='.
/// </summary>
[Collection("moto")]
public sealed class GoldenTablesOnS3Tests(MotoServerFixture moto)
{
    public static TheoryData<string> Readable
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var (name, _, _, _) in Expected().Where(t => t.Rows is not null).OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                data.Add(name);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Readable))]
    public async Task GoldenTable_UploadedToS3_ReadsLikeFromDisk(string name)
    {
        var expected = Expected().Single(t => t.Name == name);
        var local = Path.Combine(RepositoryPaths.DeltaGolden, expected.Root);
        using var s3 = moto.CreateS3Client();
        var bucket = MotoServerFixture.UniqueName("golden");
        await s3.PutBucketAsync(bucket);
        var store = new S3ObjectStore(s3, new S3ObjectStoreOptions(bucket, "lake"));
        var root = "golden/" + name.Replace('/', '_');
        foreach (var file in Directory.EnumerateFiles(local, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".crc", StringComparison.Ordinal)))
        {
            await using var content = File.OpenRead(file);
            await store.PutAsync(root + "/" + Path.GetRelativePath(local, file).Replace('\\', '/'), content, default);
        }

        var onS3 = await DeltaTable.OpenAsync(store, root, new PutIfAbsentLogStore(store, root));
        var onDisk = DeltaTable.ForPath(new FileSystemObjectStore(local), string.Empty);

        var snapshot = await onS3.GetSnapshotAsync();
        Assert.Equal(expected.LatestVersion, snapshot.Version);
        Assert.Equal(expected.LatestVersion, await onS3.LogStore.GetLatestVersionAsync(default));
        var rows = await RowsAsync(onS3);
        Assert.Equal(expected.Rows, rows.Count);
        Assert.Equal(await RowsAsync(onDisk), rows);
    }

    private static async Task<List<string>> RowsAsync(DeltaTable table)
    {
        var rows = new List<string>();
        await foreach (var batch in table.ReadAsync())
        {
            for (var r = 0; r < batch.RowCount; r++)
            {
                rows.Add(string.Join("|", batch.GetRow(r).Select(Format)));
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        byte[] bytes => Convert.ToHexString(bytes),
        object?[] nested => "[" + string.Join(",", nested.Select(Format)) + "]",
        System.Collections.IEnumerable items and not string => "[" + string.Join(",", items.Cast<object?>().Select(Format)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?",
    };

    private static IEnumerable<(string Name, string Root, long LatestVersion, long? Rows)> Expected()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.DeltaGolden, "EXPECTED.json")));
        var tables = new List<(string, string, long, long?)>();
        foreach (var table in doc.RootElement.EnumerateObject())
        {
            var t = table.Value;
            bool Flag(string p) => t.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.True;
            if (Flag("negative") || Flag("log_only"))
            {
                continue;
            }

            long? rows = t.TryGetProperty("rows", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt64() : null;
            tables.Add((table.Name, t.GetProperty("table_root").GetString()!, t.GetProperty("latest_version").GetInt64(), rows));
        }

        return tables;
    }
}
