using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Storage;

namespace Lakehouse.Delta.Transactions;

/// <summary>
/// The try-commit loop: write <c>N.json</c> with put-if-absent semantics; on <see cref="CommitWriteResult.VersionExists"/>
/// read every winning commit, check it with the <see cref="ConflictChecker"/>, back off (full jitter) and retry at the
/// next free version, within the <see cref="CommitOptions"/> budget. Then post-commit work (checkpoint, log cleanup).
/// </summary>
internal static class CommitLoop
{
    public static async Task<CommitResult> RunAsync(DeltaTable table, List<DeltaAction> actions, TransactionSummary summary, MetadataAction metadata, CancellationToken cancellationToken)
    {
        var options = table.CommitOptions;
        var logStore = table.LogStore;
        var time = table.TimeProvider;
        var started = time.GetTimestamp();
        var payload = ActionCodec.Serialize(actions);
        var version = summary.ReadVersion + 1;
        var winners = new List<long>();
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var written = await logStore.TryWriteCommitAsync(version, payload, cancellationToken).ConfigureAwait(false);
            if (written == CommitWriteResult.Committed)
            {
                var result = new CommitResult(version, attempt, winners);
                return await PostCommit.RunAsync(table, result, metadata, cancellationToken).ConfigureAwait(false);
            }

            version = await CheckWinnersAsync(table, summary, version, winners, cancellationToken).ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(started);
            if (attempt >= options.MaxAttempts || elapsed >= options.MaxDuration)
            {
                throw new CommitConflictException(
                    $"Gave up committing to {table.TableUri} after {attempt} attempts in {elapsed.TotalSeconds:F1}s: other writers kept winning " +
                    $"(versions {Describe(winners)}). No logical conflict was found; retry the operation, or reduce the number of concurrent writers.",
                    winners, conflict: null);
            }

            var delay = Backoff(options, attempt);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads commits from <paramref name="version"/> on until a missing one; returns the next free version.</summary>
    private static async Task<long> CheckWinnersAsync(DeltaTable table, TransactionSummary summary, long version, List<long> winners, CancellationToken ct)
    {
        while (true)
        {
            var bytes = await table.LogStore.ReadCommitAsync(version, ct).ConfigureAwait(false);
            if (bytes is null)
            {
                return version;
            }

            winners.Add(version);
            var winnerActions = ActionCodec.Parse(bytes.Value.Span, table.LogStore.TableUri + "/_delta_log/" + version.ToString("D20", System.Globalization.CultureInfo.InvariantCulture) + ".json");
            var check = ConflictChecker.Check(summary, version, winnerActions);
            if (check.IsConflict)
            {
                var what = summary.ReadVersion < 0 && check.Kind is ConflictKind.ProtocolChanged or ConflictKind.MetadataChanged
                    ? $"A table already exists at {table.TableUri} (created by commit {version}). Open it instead of creating it."
                    : $"Commit to {table.TableUri} (read at version {summary.ReadVersion}) conflicts with concurrent commit {version}: {check.Reason} " +
                      "Re-read the table and redo the operation.";
                throw new CommitConflictException(what, winners, check.Reason);
            }

            version++;
        }
    }

    /// <summary>Full jitter: a random wait in [0, min(MaxDelay, BaseDelay·2^(attempt-2))]; none after the first lost race.</summary>
    internal static TimeSpan Backoff(CommitOptions options, int attempt)
    {
        if (attempt <= 1)
        {
            return TimeSpan.Zero;
        }

        var cap = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 2, 30)));
#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * cap);
#pragma warning restore CA5394
    }

    private static string Describe(List<long> winners) =>
        winners.Count == 0 ? "none" : winners.Count <= 10 ? string.Join(", ", winners) : $"{winners[0]}..{winners[^1]} ({winners.Count} commits)";
}
