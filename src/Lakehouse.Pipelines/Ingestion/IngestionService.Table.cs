using System.Globalization;
using System.Text.Json;
using Lakehouse.Delta;
using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Log;
using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Schema;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Delta.Storage;
using Lakehouse.Delta.Transactions;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Sources;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Pipelines.Ingestion;

public sealed partial class IngestionService
{
    /// <summary>Parsed batches that may wait for the writer (each is one reader batch, 64k rows by default).</summary>
    private const int ReadAheadBatches = 2;

    private sealed record StagedFile(PendingFile File, IReadOnlyList<AddFile> Adds, long Rows, long RowsRescued, bool SchemaChanged);

    private async Task IngestTableAsync(string tableName, List<PendingFile> files, Accumulator result, CancellationToken cancellationToken)
    {
        var table = _runtime.Table(_pipeline.Name, MedallionLayer.Bronze, tableName);
        var snapshot = await table.ExistsAsync(cancellationToken) ? await table.GetSnapshotAsync(null, cancellationToken) : null;
        var schema = snapshot?.Schema;
        var staged = new List<StagedFile>();
        foreach (var file in files)
        {
            if (await AlreadyIngestedAsync(table, snapshot, file, cancellationToken) is { } skip)
            {
                result.Skipped.Add(skip);
                Report(result, file.Landed.Key, tableName, IngestionFileOutcome.Skipped);
                continue;
            }

            var outcome = await StageAsync(table, snapshot, schema, file, cancellationToken);
            if (outcome.Staged is { } s)
            {
                staged.Add(s);
                schema = outcome.Schema;
                Report(result, file.Landed.Key, tableName, IngestionFileOutcome.Staged);
            }
            else
            {
                result.Quarantined.Add(outcome.Quarantined!);
                Report(result, file.Landed.Key, tableName, IngestionFileOutcome.Quarantined);
            }
        }

        if (staged.Count > 0)
        {
            await CommitAsync(table, tableName, staged, schema!, result, cancellationToken);
        }
    }

    private async Task<SkippedFile?> AlreadyIngestedAsync(DeltaTable table, Snapshot? snapshot, PendingFile file, CancellationToken cancellationToken)
    {
        var version = await MarkerVersionAsync(file, cancellationToken);
        if (snapshot?.GetAppTransactionVersion(file.Identity.AppId) is { } hint)
        {
            if (version is null)
            {
                // Committed, but the process died before the marker was written (and so before the pipeline run was
                // started): find the commit in the log and restore the marker, so the caller can start that run now.
                version = await FindCommitAsync(table, file, hint, cancellationToken);
                return new SkippedFile(file.Landed.Key, file.Source.Table, version, version is null
                    ? "already ingested (its txn app id is in the bronze table; its commit file is no longer in the log)"
                    : "already ingested (its txn app id is in the bronze table; ingested marker restored)");
            }

            return new SkippedFile(file.Landed.Key, file.Source.Table, version, "already ingested (its txn app id is in the bronze table)");
        }

        return version is not null || await _runtime.Lake.HeadAsync(MarkerKey(file), cancellationToken) is not null
            ? new SkippedFile(file.Landed.Key, file.Source.Table, version, "already ingested (ingested marker exists)")
            : null;
    }

    /// <summary>
    /// The bronze version whose commit carries the object's txn app id (newest first down to <paramref name="hint"/>,
    /// the version the committing call started at), and the ingested marker written for it when it is found.
    /// </summary>
    private async Task<long?> FindCommitAsync(DeltaTable table, PendingFile file, long hint, CancellationToken cancellationToken)
    {
        var version = await table.FindAppTransactionCommitAsync(file.Identity.AppId, hint, cancellationToken);
        if (version is { } v)
        {
            await WriteMarkerAsync(file, file.Source.Table, v, cancellationToken);
            LogMarkerRestored(file.Landed.Key, file.Source.Table, v);
        }

        return version;
    }

    /// <summary>The bronze version recorded in the object's ingested marker (so callers can re-trigger that version's run), or null.</summary>
    private async Task<long?> MarkerVersionAsync(PendingFile file, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await _runtime.Lake.OpenReadAsync(MarkerKey(file), cancellationToken);
            var marker = await System.Text.Json.JsonSerializer.DeserializeAsync(stream, IngestionJsonContext.Default.IngestedMarker, cancellationToken);
            return marker?.Version;
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private string MarkerKey(PendingFile file) => $"{_runtime.Layout.IngestedMarkers(_pipeline.Name, file.Source.Name)}/{file.Identity.Hash}.json";

    private CreateTableOptions CreateOptions(SourceDefinition source) => new()
    {
        PartitionColumns = source.PartitionBy,
        Name = source.Table,
        Description = $"Bronze table of source '{source.Name}' of pipeline '{_pipeline.Name}'",
        Configuration = new Dictionary<string, string>
        {
            ["delta.setTransactionRetentionDuration"] = DefaultTransactionRetention,
            ["delta.checkpointInterval"] = "10",
        },
        IfNotExists = true,
    };

    private async Task<(StagedFile? Staged, StructType? Schema, QuarantinedFile? Quarantined)> StageAsync(
        DeltaTable table, Snapshot? snapshot, StructType? schema, PendingFile file, CancellationToken cancellationToken)
    {
        var uri = _landing.Describe(file.Landed.Key);
        DeltaTransaction? staging = null;
        try
        {
            var context = new SourceReadContext(schema, _runtime.Time.GetUtcNow(), _readerOptions);
            await using var reader = await OpenReaderAsync(file, uri, context, cancellationToken);
            staging = snapshot is null && schema is null
                ? table.StartCreateTransaction(reader.OutputSchema, CreateOptions(file.Source))
                : snapshot is null
                    ? table.StartCreateTransaction(schema!, CreateOptions(file.Source))
                    : await table.StartTransactionAsync(cancellationToken);
            // Batches become row groups of few data files (rolled at the table's target file size), streamed to the
            // store; reading runs ahead of encoding by a couple of batches.
            await using (var writer = staging.OpenFileWriter(new WriteOptions { MergeSchema = true }))
            {
                await foreach (var batch in BatchReadAhead.ReadAsync(reader.ReadBatchesAsync(cancellationToken), ReadAheadBatches, cancellationToken))
                {
                    await writer.WriteAsync(batch, cancellationToken);
                    reader.Recycle(batch);
                }

                await writer.CompleteAsync(cancellationToken);
            }

            var stats = reader.Stats;
            LogStaged(file.Landed.Key, file.Source.Table, stats.RowsRead, stats.RowsRescued);
            return (new StagedFile(file, staging.AddedFiles.ToArray(), stats.RowsRead, stats.RowsRescued, reader.Evolution.SchemaChanged), staging.Schema, null);
        }
        catch (Exception ex) when (IsBadInput(ex))
        {
            await DeleteDataFilesAsync(table, staging?.AddedFiles ?? [], cancellationToken);
            var (line, offset) = ex is SourceFormatException sfe ? (sfe.Line, sfe.ByteOffset) : ((long?)null, (long?)null);
            var errorType = ex is LakehouseException le ? le.ErrorType : ex.GetType().Name;
            LogQuarantined(file.Landed.Key, file.Source.Name, ex.Message);
            return (null, null, await _quarantine.WriteAsync(_landing, file.Landed, file.Identity, file.Source.Name, ex.Message, errorType, line, offset, cancellationToken));
        }
    }

    private static bool IsBadInput(Exception ex) =>
        ex is SourceFormatException or SchemaEvolutionException or ParquetFormatException or DeltaWriteException or InvalidDataException;

    private async Task<ISourceReader> OpenReaderAsync(PendingFile file, string uri, SourceReadContext context, CancellationToken cancellationToken)
    {
        if (file.Source.Format == SourceFormat.Parquet)
        {
            var randomAccess = await ObjectRandomAccessSource.OpenAsync(_landing, file.Landed.Key, file.Landed.Size, cancellationToken);
            return await SourceReaderFactory.OpenParquetAsync(file.Source, randomAccess, uri, context, cancellationToken);
        }

        var stream = await _landing.OpenReadAsync(file.Landed.Key, cancellationToken);
        return await SourceReaderFactory.OpenAsync(file.Source, stream, uri, context, cancellationToken);
    }

    private async Task CommitAsync(DeltaTable table, string tableName, List<StagedFile> staged, StructType schema, Accumulator result, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await table.ExistsAsync(cancellationToken) ? await table.GetSnapshotAsync(null, cancellationToken) : null;
            var claimed = staged.Where(s => snapshot?.GetAppTransactionVersion(s.File.Identity.AppId) is not null).ToList();
            foreach (var lost in claimed)
            {
                // Another invocation committed this object first: our copy of its rows must not become visible.
                await DeleteDataFilesAsync(table, lost.Adds, cancellationToken);
                var winner = await table.FindAppTransactionCommitAsync(lost.File.Identity.AppId, snapshot!.GetAppTransactionVersion(lost.File.Identity.AppId)!.Value, cancellationToken);
                result.Skipped.Add(new SkippedFile(lost.File.Landed.Key, tableName, winner ?? snapshot.Version, "ingested concurrently by another invocation"));
                staged.Remove(lost);
            }

            if (staged.Count == 0)
            {
                return;
            }

            // The transaction reads the very snapshot checked above: a commit that lands after that check (another
            // invocation claiming the same object) is then a conflict the commit detects, never part of what it read.
            var tx = snapshot is null
                ? table.StartCreateTransaction(schema, CreateOptions(staged[0].File.Source))
                : table.StartTransaction(snapshot);
            if (snapshot is not null)
            {
                var merged = Delta.Writing.SchemaEvolution.Merge(tx.Schema, schema, mergeSchema: true, table.TableUri);
                if (!ReferenceEquals(merged, tx.Schema))
                {
                    tx.UpdateMetadata(tx.Metadata with { SchemaString = SchemaJson.Serialize(merged) });
                }
            }

            tx.Operation = DeltaOperation.Write;
            tx.WithOperationParameter("mode", "Append").WithOperationParameter("source", "ingest");
            foreach (var s in staged)
            {
                foreach (var add in s.Adds)
                {
                    tx.AddFile(add);
                }

                // The txn version is the lowest version this commit can land at (the commit loop only moves up), so
                // FindAppTransactionCommitAsync reads one or two commit files to find the version that claimed the object.
                tx.SetTransaction(s.File.Identity.AppId, (snapshot?.Version ?? -1) + 1);
            }

            CommitResult committed;
            try
            {
                committed = await tx.CommitAsync(cancellationToken);
            }
            catch (CommitConflictException ex) when (attempt < MaxCommitAttempts)
            {
                LogCommitRetry(tableName, attempt, ex.Message);
                continue;
            }

            await RecordCommitAsync(tableName, staged, committed.Version, snapshot is null || staged.Any(s => s.SchemaChanged), result, cancellationToken);
            return;
        }
    }

    private async Task RecordCommitAsync(string tableName, List<StagedFile> staged, long version, bool schemaChanged, Accumulator result, CancellationToken cancellationToken)
    {
        result.Commits.Add(new TableCommit(tableName, version, staged.Count, staged.Sum(s => s.Rows), schemaChanged));
        foreach (var s in staged)
        {
            result.Ingested.Add(new IngestedFile(s.File.Landed.Key, s.File.Source.Name, tableName, version, s.Rows, s.RowsRescued, s.Adds.Count));
            await WriteMarkerAsync(s.File, tableName, version, cancellationToken);
        }

        var rows = staged.Sum(s => s.Rows);
        LogCommitted(tableName, version, staged.Count, rows);
    }

    private async Task WriteMarkerAsync(PendingFile file, string tableName, long version, CancellationToken cancellationToken)
    {
        var marker = JsonSerializer.SerializeToUtf8Bytes(
            new IngestedMarker(_landing.Describe(file.Landed.Key), file.Identity.Version, tableName, version, _runtime.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)),
            IngestionJsonContext.Default.IngestedMarker);
        await _runtime.Lake.PutIfAbsentAsync(MarkerKey(file), marker, cancellationToken);
    }

    private static async Task DeleteDataFilesAsync(DeltaTable table, IEnumerable<AddFile> adds, CancellationToken cancellationToken)
    {
        foreach (var add in adds)
        {
            await table.Store.DeleteAsync(DeltaLogPaths.DataKey(table.TableRoot, DeltaPath.Decode(add.Path)), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Staged {Key} for bronze table {Table}: {Rows} rows, {Rescued} with rescued data")]
    private partial void LogStaged(string key, string table, long rows, long rescued);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quarantined {Key} (source {Source}): {Reason}")]
    private partial void LogQuarantined(string key, string source, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Committed bronze table {Table} version {Version}: {Files} files, {Rows} rows")]
    private partial void LogCommitted(string table, long version, int files, long rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Key} was committed to bronze table {Table} at version {Version} without its ingested marker; marker restored")]
    private partial void LogMarkerRestored(string key, string table, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bronze commit of {Table} conflicted (attempt {Attempt}); re-reading: {Reason}")]
    private partial void LogCommitRetry(string table, int attempt, string reason);
}
