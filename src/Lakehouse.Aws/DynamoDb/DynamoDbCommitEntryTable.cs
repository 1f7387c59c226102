using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lakehouse.Aws.Errors;

namespace Lakehouse.Aws.DynamoDb;

/// <summary>The S3DynamoDBLogStore table through the AWS SDK (attribute names exactly as Spark and delta-rs use them).</summary>
internal sealed class DynamoDbCommitEntryTable(IAmazonDynamoDB client, string tableName) : ICommitEntryTable
{
    internal const string TablePathAttribute = "tablePath";
    internal const string FileNameAttribute = "fileName";
    internal const string TempPathAttribute = "tempPath";
    internal const string CompleteAttribute = "complete";
    internal const string ExpireTimeAttribute = "expireTime";

    public string TableName => tableName;

    public async Task<bool> TryClaimAsync(CommitEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = tableName,
                    Item = new Dictionary<string, AttributeValue>
                    {
                        [TablePathAttribute] = new(entry.TablePath),
                        [FileNameAttribute] = new(entry.FileName),
                        [TempPathAttribute] = new(entry.TempPath),
                        [CompleteAttribute] = new(entry.Complete ? "true" : "false"),
                    },
                    ConditionExpression = $"attribute_not_exists({FileNameAttribute})",
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
        catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
        {
            throw AwsErrors.Translate(e, $"claim of {entry.FileName} for {entry.TablePath} (PutItem in DynamoDB table {tableName})");
        }
    }

    public async Task<CommitEntry?> GetAsync(string tablePath, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.GetItemAsync(
                new GetItemRequest
                {
                    TableName = tableName,
                    Key = new Dictionary<string, AttributeValue> { [TablePathAttribute] = new(tablePath), [FileNameAttribute] = new(fileName) },
                    ConsistentRead = true,
                },
                cancellationToken).ConfigureAwait(false);
            return response.Item is { Count: > 0 } item ? ToEntry(item) : null;
        }
        catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
        {
            throw AwsErrors.Translate(e, $"read of {fileName} for {tablePath} (GetItem in DynamoDB table {tableName})");
        }
    }

    public async Task<IReadOnlyList<CommitEntry>> GetRangeAsync(string tablePath, string fromFileName, string toFileName, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.QueryAsync(
                new QueryRequest
                {
                    TableName = tableName,
                    KeyConditionExpression = "#tp = :tp AND #fn BETWEEN :from AND :to",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#tp"] = TablePathAttribute, ["#fn"] = FileNameAttribute },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                    {
                        [":tp"] = new(tablePath),
                        [":from"] = new(fromFileName),
                        [":to"] = new(toFileName),
                    },
                    ConsistentRead = true,
                },
                cancellationToken).ConfigureAwait(false);
            return response.Items is { Count: > 0 } items ? items.ConvertAll(ToEntry) : [];
        }
        catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
        {
            throw AwsErrors.Translate(e, $"read of {fromFileName}..{toFileName} for {tablePath} (Query in DynamoDB table {tableName})");
        }
    }

    public async Task<CommitEntry?> GetLatestAsync(string tablePath, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.QueryAsync(
                new QueryRequest
                {
                    TableName = tableName,
                    KeyConditionExpression = "#tp = :tp",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#tp"] = TablePathAttribute },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":tp"] = new(tablePath) },
                    ScanIndexForward = false,
                    Limit = 1,
                    ConsistentRead = true,
                },
                cancellationToken).ConfigureAwait(false);
            return response.Items is { Count: > 0 } items ? ToEntry(items[0]) : null;
        }
        catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
        {
            throw AwsErrors.Translate(e, $"latest-commit query for {tablePath} (Query in DynamoDB table {tableName})");
        }
    }

    public async Task MarkCompleteAsync(string tablePath, string fileName, DateTimeOffset expireTime, CancellationToken cancellationToken)
    {
        try
        {
            await client.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = tableName,
                    Key = new Dictionary<string, AttributeValue> { [TablePathAttribute] = new(tablePath), [FileNameAttribute] = new(fileName) },
                    UpdateExpression = "SET #c = :true, #e = :expire",
                    ConditionExpression = "#c = :false",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#c"] = CompleteAttribute, ["#e"] = ExpireTimeAttribute },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                    {
                        [":true"] = new("true"),
                        [":false"] = new("false"),
                        [":expire"] = new AttributeValue { N = expireTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                    },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // Already completed by another writer or a repairing reader: the goal state holds.
        }
        catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
        {
            throw AwsErrors.Translate(e, $"completion of {fileName} for {tablePath} (UpdateItem in DynamoDB table {tableName})");
        }
    }

    private CommitEntry ToEntry(Dictionary<string, AttributeValue> item)
    {
        string Text(string name) => item.TryGetValue(name, out var value) && value.S is { } s
            ? s
            : throw new AwsStorageException(
                $"DynamoDB table {tableName} holds an item without the string attribute '{name}' (keys: {string.Join(", ", item.Keys)}). It is not an S3DynamoDBLogStore table, or the item was edited by hand.",
                null,
                null);

        long? expire = item.TryGetValue(ExpireTimeAttribute, out var e) && e.N is { } n && long.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
        return new CommitEntry(Text(TablePathAttribute), Text(FileNameAttribute), Text(TempPathAttribute), Text(CompleteAttribute) == "true", expire);
    }
}
