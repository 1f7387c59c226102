using Lakehouse.Aws.DynamoDb;

namespace Lakehouse.Aws.Tests.Faults;

/// <summary>Decorates the DynamoDB entry table with hooks around each protocol call.</summary>
internal sealed class FaultyCommitEntryTable(ICommitEntryTable inner) : ICommitEntryTable
{
    /// <summary>Replaces TryClaim: receives the real call and decides what to do with it.</summary>
    public Func<CommitEntry, Func<Task<bool>>, Task<bool>>? OnClaim { get; set; }

    public Func<string, Task>? BeforeMarkComplete { get; set; }

    public string TableName => inner.TableName;

    public Task<bool> TryClaimAsync(CommitEntry entry, CancellationToken cancellationToken) =>
        OnClaim is null ? inner.TryClaimAsync(entry, cancellationToken) : OnClaim(entry, () => inner.TryClaimAsync(entry, cancellationToken));

    public Task<CommitEntry?> GetAsync(string tablePath, string fileName, CancellationToken cancellationToken) =>
        inner.GetAsync(tablePath, fileName, cancellationToken);

    public Task<IReadOnlyList<CommitEntry>> GetRangeAsync(string tablePath, string fromFileName, string toFileName, CancellationToken cancellationToken) =>
        inner.GetRangeAsync(tablePath, fromFileName, toFileName, cancellationToken);

    public Task<CommitEntry?> GetLatestAsync(string tablePath, CancellationToken cancellationToken) =>
        inner.GetLatestAsync(tablePath, cancellationToken);

    public async Task MarkCompleteAsync(string tablePath, string fileName, DateTimeOffset expireTime, CancellationToken cancellationToken)
    {
        if (BeforeMarkComplete is not null)
        {
            await BeforeMarkComplete(fileName);
        }

        await inner.MarkCompleteAsync(tablePath, fileName, expireTime, cancellationToken);
    }
}
