using System.Diagnostics;
using Lakehouse.Parquet;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Sources;

namespace Lakehouse.Bench.Benchmarks;

/// <summary>
/// <c>csv-to-parquet --opt profile=true</c>: the phases of bronze ingestion timed one by one on the same input, so
/// the biggest cost is visible: parse (reader, batches discarded), then over the parsed batches kept in memory:
/// encode (Parquet, SNAPPY, to a null stream; Delta add.stats come from the writer's statistics, no separate pass). Keep the row count small (≤ 2M): the
/// parsed batches are held in memory.
/// </summary>
internal static class BronzeProfile
{
    public static async Task<Dictionary<string, double>> RunAsync(string csv, SourceDefinition source, CancellationToken cancellationToken)
    {
        var batches = new List<RecordBatch>();
        var watch = Stopwatch.StartNew();
        var file = new FileStream(csv, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (var reader = await SourceReaderFactory.OpenAsync(source, file, csv, new SourceReadContext(null, DateTimeOffset.UnixEpoch), cancellationToken))
        {
            await foreach (var batch in reader.ReadBatchesAsync(cancellationToken))
            {
                batches.Add(batch);
            }
        }

        var parse = watch.Elapsed.TotalSeconds;
        watch.Restart();
        using (var writer = new ParquetFileWriter(Stream.Null, batches[0].Schema))
        {
            foreach (var b in batches)
            {
                writer.Write(b);
            }

            writer.Close();
        }

        var encode = watch.Elapsed.TotalSeconds;
        watch.Restart();
        using (var writer = new ParquetFileWriter(Stream.Null, batches[0].Schema, new ParquetWriterOptions { MaxDegreeOfParallelism = 1 }))
        {
            foreach (var b in batches)
            {
                writer.Write(b);
            }

            writer.Close();
        }

        var encode1 = watch.Elapsed.TotalSeconds;
        var result = new Dictionary<string, double>();
        var schema = batches[0].Schema;
        for (var c = 0; c < schema.Fields.Count; c++)
        {
            // One column at a time, single-threaded: which column's encoding costs what.
            var single = new StructType([schema.Fields[c]]);
            watch.Restart();
            using (var writer = new ParquetFileWriter(Stream.Null, single, new ParquetWriterOptions { MaxDegreeOfParallelism = 1 }))
            {
                foreach (var b in batches)
                {
                    writer.Write(new RecordBatch(single, [b.Columns[c]]));
                }

                writer.Close();
            }

            result["encode_" + schema.Fields[c].Name + "_s"] = watch.Elapsed.TotalSeconds;
        }

        return new Dictionary<string, double>(result)
        {
            ["parse_s"] = parse,
            ["encode_s"] = encode,
            ["encode_1thread_s"] = encode1,
        };
    }
}
