using System.Runtime.CompilerServices;
using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Cli.Targets;

/// <summary>The usage store of an AWS target without a usage table: run steps are not metered (as functions without USAGE_TABLE).</summary>
internal sealed class UnmeteredUsageStore : IUsageStore
{
    public Task AppendAsync(UsageRecord record, CancellationToken cancellationToken) => Task.CompletedTask;

    public async IAsyncEnumerable<UsageRecord> ReadAsync(string workspaceId, DateTimeOffset fromInclusive, DateTimeOffset toExclusive, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }

    public Task<IReadOnlyList<string>> ListWorkspacesAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
