using System.Globalization;
using System.Text.Json.Nodes;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Ingestion;
using Lakehouse.Testing.Interop;

namespace Lakehouse.Pipelines.Tests.Ingestion;

public sealed class IngestionServiceTests
{
    private const string OrdersCsv = "order_id,customer,amount,day\n1,ada,10.50,2026-11-20\n2,\"bob, jr\",7.25,2026-11-21\n3,cy,oops,2026-11-21\n";

    [Fact]
    public async Task Ingest_Csv_CreatesBronzeTableWithRowsMetadataAndRescuedValues()
    {
        using var f = new IngestionFixture();
        var landed = await f.DropAsync("shop/orders/day1.csv", OrdersCsv);

        var result = await f.Service().IngestAsync([landed], CancellationToken.None);

        var commit = Assert.Single(result.Commits);
        Assert.Equal(0, commit.Version);
        Assert.Equal(3, commit.Rows);
        var rows = await f.ReadRowsAsync("orders_bronze", "order_id", "customer", "amount", "_rescued_data", "_source_file");
        Assert.Equal(3, rows.Count);
        var byId = rows.ToDictionary(r => (long)r[0]!);
        Assert.Equal("bob, jr", byId[2][1]);
        Assert.Equal("10.50", byId[1][2]!.ToString());
        Assert.Null(byId[3][2]);
        var rescued = JsonNode.Parse((string)byId[3][3]!)!;
        Assert.Equal("oops", rescued["amount"]!.GetValue<string>());
        Assert.Equal(4, rescued["_line"]!.GetValue<long>());
        Assert.EndsWith("shop/orders/day1.csv", (string)byId[1][4]!, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(f.LandingPath, "shop", "orders", "day1.csv")), "the landing object must stay");
    }

    [Fact]
    public async Task Ingest_SameObjectTwice_LandsOnce()
    {
        using var f = new IngestionFixture();
        var landed = await f.DropAsync("shop/orders/day1.csv", OrdersCsv);

        await f.Service().IngestAsync([landed], CancellationToken.None);
        var second = await f.Service().IngestAsync([landed, landed], CancellationToken.None);

        Assert.Empty(second.Commits);
        Assert.Single(second.Skipped);
        Assert.Equal(3, (await f.ReadRowsAsync("orders_bronze", "order_id")).Count);
        Assert.Equal(0, (await f.Bronze("orders_bronze").GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task Ingest_AnEventWithVersionIdThenTheListingWithout_IsOneObject()
    {
        // The Ingest function sees ETag and version id (S3 event on a versioned bucket); `lakehouse run` lists the
        // bucket and sees only the ETag. Both must name the same object, or a user mixing them ingests it twice.
        using var f = new IngestionFixture();
        var listed = await f.DropAsync("shop/orders/day1.csv", OrdersCsv);
        var fromEvent = listed with { ETag = listed.ETag?.Trim('"'), VersionId = "3HL4kqtJlcpXroDTDmJ-rmSpXd3dIbrHY" };

        await f.Service().IngestAsync([fromEvent], CancellationToken.None);
        var second = await f.Service().IngestAsync([listed], CancellationToken.None);

        Assert.Empty(second.Commits);
        Assert.Single(second.Skipped);
        Assert.Equal(3, (await f.ReadRowsAsync("orders_bronze", "order_id")).Count);
    }

    [Fact]
    public async Task Ingest_SameKeyWithNewContent_IsANewObject()
    {
        using var f = new IngestionFixture();
        var first = await f.DropAsync("shop/orders/day1.csv", OrdersCsv);
        await f.Service().IngestAsync([first], CancellationToken.None);
        var rewritten = await f.DropAsync("shop/orders/day1.csv", "order_id,customer,amount,day\n9,dee,1.00,2026-11-22\n");

        var second = await f.Service().IngestAsync([rewritten], CancellationToken.None);

        Assert.NotEqual(first.ETag, rewritten.ETag);
        Assert.Single(second.Commits);
        Assert.Equal(4, (await f.ReadRowsAsync("orders_bronze", "order_id")).Count);
    }

    [Fact]
    public async Task Ingest_SameObjectByManyInvocationsRoundAfterRound_NeverCommitsItTwice()
    {
        // Guards the window between the check for an already claimed object and the start of the commit's
        // transaction: a commit of the same object landing there must be a conflict, not part of what was read.
        // Timing-dependent by nature, so many rounds of eight racing invocations.
        for (var round = 0; round < 40; round++)
        {
            using var f = new IngestionFixture();
            var seed = await f.DropAsync("shop/orders/seed.csv", "order_id,customer,amount,day\n0,zed,1.00,2026-11-19\n");
            await f.Service().IngestAsync([seed], CancellationToken.None);
            var landed = await f.DropAsync("shop/orders/day1.csv", OrdersCsv);

            var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => f.Service().IngestAsync([landed], CancellationToken.None))));

            Assert.Equal(1, results.Sum(r => r.Ingested.Count));
            Assert.Equal(7, results.Sum(r => r.Skipped.Count));
            var ids = (await f.ReadRowsAsync("orders_bronze", "order_id")).Select(r => (long)r[0]!).Order().ToArray();
            Assert.Equal([0L, 1L, 2L, 3L], ids);
        }
    }

    [Fact]
    public async Task Ingest_SameObjectConcurrently_LandsExactlyOnce()
    {
        using var f = new IngestionFixture();
        var seed = await f.DropAsync("shop/orders/seed.csv", "order_id,customer,amount,day\n0,zed,1.00,2026-11-19\n");
        await f.Service().IngestAsync([seed], CancellationToken.None);
        var landed = await f.DropAsync("shop/orders/day1.csv", OrdersCsv);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => f.Service().IngestAsync([landed], CancellationToken.None))));

        Assert.Equal(1, results.Sum(r => r.Ingested.Count));
        Assert.Equal(3, results.Sum(r => r.Skipped.Count));
        var ids = (await f.ReadRowsAsync("orders_bronze", "order_id")).Select(r => (long)r[0]!).Order().ToArray();
        Assert.Equal([0L, 1L, 2L, 3L], ids);
    }

    [Fact]
    public async Task Ingest_CommittedButMarkerLost_IsStillSkippedThroughTheTxnAppId()
    {
        using var f = new IngestionFixture();
        var landed = await f.DropAsync("shop/orders/day1.csv", OrdersCsv);
        await f.Service().IngestAsync([landed], CancellationToken.None);
        foreach (var marker in Directory.GetFiles(Path.Combine(f.LakePath, "shop", "_system", "ingested"), "*.json", SearchOption.AllDirectories))
        {
            File.Delete(marker); // a crash between the commit and the marker write
        }

        var again = await f.Service().IngestAsync([landed], CancellationToken.None);

        Assert.Empty(again.Commits);
        Assert.Contains("txn app id", Assert.Single(again.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_CommittedButMarkerLostAndLaterCommitsMade_ReportsTheCommittingVersionAndRestoresTheMarker()
    {
        using var f = new IngestionFixture();
        var seed = await f.DropAsync("shop/orders/seed.csv", "order_id,customer,amount,day\n0,zed,1.00,2026-11-19\n");
        await f.Service().IngestAsync([seed], CancellationToken.None);                  // version 0
        var landed = await f.DropAsync("shop/orders/day1.csv", OrdersCsv);
        var committed = await f.Service().IngestAsync([landed], CancellationToken.None);  // version 1
        var later = await f.DropAsync("shop/orders/day2.csv", "order_id,customer,amount,day\n7,eve,2.00,2026-11-22\n");
        await f.Service().IngestAsync([later], CancellationToken.None);                 // version 2
        var markers = Path.Combine(f.LakePath, "shop", "_system", "ingested", "orders");
        var markerOfLanded = Directory.GetFiles(markers, "*.json").Single(m => File.ReadAllText(m).Contains("day1.csv", StringComparison.Ordinal));
        File.Delete(markerOfLanded);   // a crash between the version-1 commit and its marker (so no run was started)

        var again = await f.Service().IngestAsync([landed], CancellationToken.None);

        Assert.Equal(1, Assert.Single(committed.Commits).Version);
        Assert.Empty(again.Commits);
        var skipped = Assert.Single(again.Skipped);
        Assert.Equal(1, skipped.Version);
        Assert.Contains("marker restored", skipped.Reason, StringComparison.Ordinal);
        Assert.Contains("\"version\":1", File.ReadAllText(markerOfLanded), StringComparison.Ordinal);
        var third = await f.Service().IngestAsync([landed], CancellationToken.None);
        Assert.Equal(1, Assert.Single(third.Skipped).Version);
        Assert.Equal(2, (await f.Bronze("orders_bronze").GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task Ingest_SeveralObjects_MakeOneCommitPerTable()
    {
        using var f = new IngestionFixture();
        var a = await f.DropAsync("shop/orders/a.csv", OrdersCsv);
        var b = await f.DropAsync("shop/orders/b.csv.gz", "order_id,customer,amount,day\n9,gus,3.00,2026-11-22\n", gzip: true);
        var e = await f.DropAsync("shop/events/e.jsonl", "{\"id\": 1, \"kind\": \"click\", \"meta\": {\"page\": \"/\"}}\n");

        var result = await f.Service().IngestAsync([a, b, e], CancellationToken.None);

        Assert.Equal(2, result.Commits.Count);
        Assert.Equal(4, result.Commits.Single(c => c.Table == "orders_bronze").Rows);
        Assert.Equal(0, result.Commits.Single(c => c.Table == "orders_bronze").Version);
        Assert.Equal(3, result.Ingested.Count);
    }

    [Fact]
    public async Task Ingest_NewColumnInALaterFile_EvolvesTheSchema()
    {
        using var f = new IngestionFixture();
        await f.Service().IngestAsync([await f.DropAsync("shop/orders/a.csv", OrdersCsv)], CancellationToken.None);
        var later = await f.DropAsync("shop/orders/b.csv", "order_id,customer,amount,day,coupon\n4,dee,5.00,2026-11-22,XMAS\n");

        var result = await f.Service().IngestAsync([later], CancellationToken.None);

        Assert.True(Assert.Single(result.Commits).SchemaChanged);
        var snapshot = await f.Bronze("orders_bronze").GetSnapshotAsync();
        Assert.Equal(DataType.String, snapshot.Schema["coupon"].Type);
        var rows = await f.ReadRowsAsync("orders_bronze", "order_id", "coupon");
        Assert.Equal("XMAS", rows.Single(r => (long)r[0]! == 4)[1]);
        Assert.Null(rows.Single(r => (long)r[0]! == 1)[1]);
    }

    [Fact]
    public async Task Ingest_NewColumnUnderFailOnNewColumns_QuarantinesTheFileAndCommitsNothingForIt()
    {
        using var f = new IngestionFixture();
        await f.Service().IngestAsync([await f.DropAsync("shop/strict/a.csv", "id,name\n1,x\n")], CancellationToken.None);
        var bad = await f.DropAsync("shop/strict/b.csv", "id,name,extra\n2,y,z\n");

        var result = await f.Service().IngestAsync([bad], CancellationToken.None);

        var q = Assert.Single(result.Quarantined);
        Assert.Contains("extra", q.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Commits);
        Assert.Equal(0, (await f.Bronze("strict_bronze").GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task Ingest_TruncatedGzip_IsQuarantinedWithAReportAndTheRestOfTheBatchLands()
    {
        using var f = new IngestionFixture();
        var gz = IngestionFixture.Gzip(System.Text.Encoding.UTF8.GetBytes(OrdersCsv + string.Concat(Enumerable.Repeat("5,eve,1.00,2026-11-21\n", 2000))));
        var truncated = await f.DropAsync("shop/orders/broken.csv.gz", gz[..(gz.Length / 2)]);
        var good = await f.DropAsync("shop/orders/good.csv", OrdersCsv);

        var result = await f.Service().IngestAsync([truncated, good], CancellationToken.None);

        var q = Assert.Single(result.Quarantined);
        Assert.Equal("shop/orders/broken.csv.gz", q.Key);
        Assert.Equal(3, Assert.Single(result.Commits).Rows);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(f.LakePath, q.ReportKey)))!;
        Assert.Equal("orders", report["source"]!.GetValue<string>());
        Assert.EndsWith("shop/orders/broken.csv.gz", report["object"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(report["reason"]!.GetValue<string>()));
        Assert.True(File.Exists(Path.Combine(f.LandingPath, "shop", "orders", "broken.csv.gz")));
        Assert.Equal(3, (await f.ReadRowsAsync("orders_bronze", "order_id")).Count);
        var dataFiles = Directory.GetFiles(Path.Combine(f.LakePath, "shop", "bronze", "orders_bronze"), "*.parquet", SearchOption.AllDirectories);
        var live = (await f.Bronze("orders_bronze").GetSnapshotAsync()).Files.Count;
        Assert.Equal(live, dataFiles.Length); // the broken file's partial data files were removed
    }

    [Fact]
    public async Task Ingest_ConcatenatedGzipMembers_LandEveryRow()
    {
        using var f = new IngestionFixture();
        var utf8 = System.Text.Encoding.UTF8;
        var bytes = IngestionFixture.Gzip(utf8.GetBytes(OrdersCsv))
            .Concat(IngestionFixture.Gzip(utf8.GetBytes("4,dan,1.00,2026-11-22\n5,")))
            .Concat(IngestionFixture.Gzip(utf8.GetBytes("eve,2.00,2026-11-22\n")))
            .ToArray();
        var landed = await f.DropAsync("shop/orders/appended.csv.gz", bytes);

        var result = await f.Service().IngestAsync([landed], CancellationToken.None);

        Assert.Empty(result.Quarantined);
        Assert.Equal(5, Assert.Single(result.Commits).Rows);
        var rows = await f.ReadRowsAsync("orders_bronze", "order_id", "customer");
        Assert.Equal([1L, 2L, 3L, 4L, 5L], rows.Select(r => (long)r[0]!).Order());
        Assert.Equal("eve", rows.Single(r => Equals(r[0], 5L))[1]);
    }

    [Fact]
    public async Task Ingest_KeyOutsideEverySource_IsQuarantinedNamingTheSources()
    {
        using var f = new IngestionFixture();
        var stray = await f.DropAsync("elsewhere/x.csv", "a\n1\n");

        var result = await f.Service().IngestAsync([stray], CancellationToken.None);

        var q = Assert.Single(result.Quarantined);
        Assert.Null(q.Source);
        Assert.Contains("'orders' (shop/orders/)", q.Reason, StringComparison.Ordinal);
        Assert.Contains("_quarantine/_unmatched/", q.ReportKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_ParquetWrittenByDuckDb_LandsWithTheSameValues()
    {
        using var f = new IngestionFixture();
        var path = Path.Combine(f.LandingPath, "shop", "facts", "f.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await InteropHarness.Shared.ExecuteDuckDbAsync(
            $"COPY (SELECT i::BIGINT AS id, 'n' || i AS name, DATE '2026-01-01' + i::INTEGER AS day FROM range(1000) t(i)) TO {InteropHarness.SqlString(path)} (FORMAT parquet, COMPRESSION zstd)");
        var info = await f.Landing.HeadAsync("shop/facts/f.parquet", CancellationToken.None);

        var result = await f.Service().IngestAsync([new LandedObject("shop/facts/f.parquet", info!.Size, info.ETag)], CancellationToken.None);

        Assert.Equal(1000, Assert.Single(result.Commits).Rows);
        var rows = await f.ReadRowsAsync("facts_bronze", "id", "name", "day");
        Assert.Equal(1000, rows.Count);
        var r = rows.Single(x => (long)x[0]! == 42);
        Assert.Equal("n42", r[1]);
        Assert.Equal(new DateOnly(2026, 2, 12), r[2]);
    }

    [Fact]
    public async Task BronzeDataFiles_AreReadByDuckDbWithTheSameValues()
    {
        using var f = new IngestionFixture();
        await f.Service().IngestAsync([await f.DropAsync("shop/orders/a.csv", OrdersCsv)], CancellationToken.None);
        var glob = Path.Combine(f.LakePath, "shop", "bronze", "orders_bronze", "**", "*.parquet");

        var duck = await InteropHarness.Shared.QueryDuckDbAsync(
            $"SELECT order_id, customer, CAST(amount AS VARCHAR) AS amount, CAST(day AS VARCHAR) AS day FROM read_parquet({InteropHarness.SqlString(glob)}) ORDER BY order_id");

        Assert.Equal(3, duck.Rows.Count);
        Assert.Equal("bob, jr", duck[1, "customer"]!.GetValue<string>());
        Assert.Equal("10.50", duck[0, "amount"]!.GetValue<string>());
        Assert.Null(duck[2, "amount"]);
        Assert.Equal("2026-11-21", duck[1, "day"]!.GetValue<string>());
        Assert.Equal("3", duck[2, "order_id"]!.ToString());
        _ = CultureInfo.InvariantCulture;
    }
}
