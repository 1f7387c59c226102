using System.Buffers;
using System.Runtime.CompilerServices;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Sources.Csv;

internal sealed partial class CsvSourceReader
{
    /// <summary>
    /// Parallel parsing: this thread only finds record boundaries (with the same tokenizer, so quoting is handled
    /// exactly as when parsing) and cuts the input into chunks of whole records, one batch each; worker tasks
    /// tokenize and convert the chunks, and batches are yielded in file order. At most
    /// <see cref="SourceReaderOptions.EffectiveParallelism"/> chunks are in flight, so memory stays bounded.
    /// </summary>
    protected override async IAsyncEnumerable<RecordBatch> ReadCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Options.EffectiveParallelism <= 1)
        {
            await foreach (var batch in base.ReadCoreAsync(cancellationToken))
            {
                yield return batch;
            }

            yield break;
        }

        var pending = new Queue<Task<ChunkResult>>();
        var scanned = 0;
        var records = 0;
        long breaks = 0;
        var tokenized = false;
        var cutBytes = Math.Max(Options.BufferBytes / 2, 1);
        while (true)
        {
            var data = Buffer.Data;
            var final = Buffer.EndOfInput;
            while (records < Options.BatchSize && scanned < data.Length && scanned < cutBytes)
            {
                ScanPlainLines(data, cutBytes, ref scanned, ref records, ref breaks);
                if (records >= Options.BatchSize || scanned >= data.Length || scanned >= cutBytes)
                {
                    break;
                }

                var n = _tokenizer.ReadRecord(data[scanned..], final);
                if (n == CsvTokenizer.NeedMoreData)
                {
                    break;
                }

                if (n == CsvTokenizer.UnclosedQuote)
                {
                    throw CsvRowParser.UnclosedQuote(SourceUri, Line + breaks, Buffer.Position + scanned);
                }

                scanned += n;
                breaks += _tokenizer.LineBreaks;
                records++;
                tokenized = true;
            }

            var cut = records >= Options.BatchSize || scanned >= cutBytes || (final && scanned == data.Length);
            if (cut && scanned > 0)
            {
                var chunk = ArrayPool<byte>.Shared.Rent(scanned);
                data[..scanned].CopyTo(chunk);
                var chunkLine = Line;
                var chunkLength = scanned;
                var chunkPosition = Buffer.Position;
                var chunkPlain = !tokenized;
                pending.Enqueue(Task.Run(() => ParseChunk(chunk, chunkLength, chunkLine, chunkPosition, chunkPlain), cancellationToken));
                Buffer.Consume(scanned);
                Line += breaks;
                scanned = 0;
                records = 0;
                breaks = 0;
                tokenized = false;
                if (pending.Count >= Options.EffectiveParallelism && Collect(await pending.Dequeue()) is { } batch)
                {
                    yield return batch;
                }

                continue;
            }

            if (final)
            {
                break;
            }

            await Buffer.FillAsync(Line + breaks, cancellationToken);
        }

        while (pending.Count > 0)
        {
            if (Collect(await pending.Dequeue()) is { } batch)
            {
                yield return batch;
            }
        }
    }

    /// <summary>
    /// Fast path of the boundary scan: where the next bytes hold no quote, records are exactly the lines (LF, CRLF or
    /// lone CR), so whole lines are taken with one vectorized pass (<see cref="PlainLineScanner"/>) instead of
    /// tokenizing them. Off when the delimiter or quote is itself a line break character.
    /// </summary>
    private void ScanPlainLines(ReadOnlySpan<byte> data, int cutBytes, ref int scanned, ref int records, ref long breaks)
    {
        var csv = Source.Csv;
        if (csv.Quote is '\n' or '\r' || csv.Delimiter is '\n' or '\r')
        {
            return;
        }

        var window = data[scanned..Math.Min(data.Length, cutBytes)];
        var length = PlainLineScanner.Scan(window, (byte)csv.Quote, Options.BatchSize - records, out var lines);
        scanned += length;
        records += lines;
        breaks += lines;
    }

    /// <summary>Parses one chunk of whole records on a worker; <paramref name="plain"/> when the boundary scan took every record as a plain line.</summary>
    private ChunkResult ParseChunk(byte[] chunk, int length, long line, long position, bool plain)
    {
        try
        {
            using var parser = new CsvRowParser(_plan, Source.Csv, SourceUri);
            var batch = NewBatch();
            var consumed = parser.Parse(chunk.AsSpan(0, length), final: true, batch, ref line, position, plain);
            if (consumed != length)
            {
                throw new InvalidOperationException($"A chunk of '{SourceUri}' parsed {consumed} of {length} bytes; chunks hold whole records of at most one batch.");
            }

            return new ChunkResult(batch.Build(), parser.Rows, parser.EmptyLines, parser.Rescue.RowsRescued, parser.Rescue.ValuesRescued);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>Adds a chunk's counters; returns its batch, or null when the chunk held only blank lines (as on one thread, no empty batches).</summary>
    private RecordBatch? Collect(ChunkResult result)
    {
        RowsRead += result.Rows;
        EmptyLines += result.EmptyLines;
        RowsRescuedElsewhere += result.RowsRescued;
        ValuesRescuedElsewhere += result.ValuesRescued;
        return result.Batch.RowCount > 0 ? result.Batch : null;
    }

    private sealed record ChunkResult(RecordBatch Batch, long Rows, long EmptyLines, long RowsRescued, long ValuesRescued);
}
