using System.Globalization;
using System.Text;
using Lakehouse.Delta.Actions;

namespace Lakehouse.Delta;

public sealed partial class DeltaTable
{
    /// <summary>
    /// The version of the commit that recorded idempotent writer <paramref name="appId"/> (its <c>txn</c> action), so a
    /// caller that knows only "this app id is in the snapshot" can find which commit did it (for example to restart
    /// the work that should have followed that commit). Commits are read newest first, down to
    /// <paramref name="fromVersion"/>: writers that store a lower bound of their commit version in the txn version (the
    /// snapshot's version + 1 when they start committing) make this a read of one or two commit files.
    /// </summary>
    /// <returns>The version, or null when no commit file in range carries the app id (for example because log cleanup
    /// removed it; the txn then lives on in a checkpoint only).</returns>
    public async Task<long?> FindAppTransactionCommitAsync(string appId, long fromVersion = 0, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        if (await LogStore.GetLatestVersionAsync(cancellationToken).ConfigureAwait(false) is not { } latest)
        {
            return null;
        }

        // A cheap byte search first: most commits do not mention the app id at all, and parsing is the expensive part.
        var needle = Encoding.UTF8.GetBytes(appId);
        for (var version = latest; version >= Math.Max(0, fromVersion); version--)
        {
            if (await LogStore.ReadCommitAsync(version, cancellationToken).ConfigureAwait(false) is not { } bytes)
            {
                return null;   // older commit files are gone too (log cleanup removes a prefix of the log)
            }

            if (bytes.Span.IndexOf(needle) < 0)
            {
                continue;
            }

            var location = $"{TableUri}/_delta_log/{version.ToString("D20", CultureInfo.InvariantCulture)}.json";
            foreach (var action in ActionCodec.Parse(bytes.Span, location))
            {
                if (action is TxnAction txn && string.Equals(txn.AppId, appId, StringComparison.Ordinal))
                {
                    return version;
                }
            }
        }

        return null;
    }
}
