using Lakehouse.Delta.Actions;

namespace Lakehouse.Delta.Transactions;

/// <summary>One version of a table's history: its commitInfo (if the engine wrote one) and the commit file's time.</summary>
public sealed record CommitHistoryEntry(long Version, DateTimeOffset Timestamp, CommitInfo? Info);
