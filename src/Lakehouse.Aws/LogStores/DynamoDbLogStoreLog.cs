using Microsoft.Extensions.Logging;

namespace Lakehouse.Aws.LogStores;

/// <summary>Source-generated log messages of <see cref="DynamoDbLogStore"/> (no payloads).</summary>
internal static partial class DynamoDbLogStoreLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Repaired incomplete commit {FileName} of {TablePath} from {TempPath}")]
    public static partial void Repaired(ILogger logger, string tablePath, string fileName, string tempPath);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Commit {FileName} of {TablePath} is claimed but its copy or completion failed; the next reader or writer repairs it")]
    public static partial void CompletionDeferred(ILogger logger, Exception exception, string tablePath, string fileName);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Commit {FileName} of {TablePath} already existed with different content although this writer claimed it in DynamoDB (expired entry, or a writer not using this coordinator); the existing file was kept")]
    public static partial void ForeignCommitFile(ILogger logger, string tablePath, string fileName);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Could not delete unclaimed temp object {TempKey}; a lifecycle rule removes it")]
    public static partial void TempCleanupFailed(ILogger logger, Exception exception, string tempKey);
}
