using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lakehouse.Aws.Errors;

namespace Lakehouse.Aws.DynamoDb;

/// <summary>
/// Creates the S3DynamoDBLogStore table (for tests, the CLI and first deployments): key tablePath (S, HASH) /
/// fileName (S, RANGE), on-demand billing, and DynamoDB TTL on <c>expireTime</c> so completed entries age out.
/// Spark (<c>io.delta.storage.S3DynamoDBLogStore</c>) and this platform can share the table.
/// </summary>
public static class DeltaLogTable
{
    /// <summary>The default table name used by Spark and delta-rs.</summary>
    public const string DefaultName = "delta_log";

    /// <summary>
    /// Creates <paramref name="tableName"/> if it does not exist, waits until it is ACTIVE and enables TTL on
    /// <c>expireTime</c>. Returns true when this call created the table. Idempotent.
    /// </summary>
    public static async Task<bool> EnsureCreatedAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        var created = false;
        try
        {
            await client.CreateTableAsync(
                new CreateTableRequest
                {
                    TableName = tableName,
                    KeySchema =
                    [
                        new KeySchemaElement(DynamoDbCommitEntryTable.TablePathAttribute, KeyType.HASH),
                        new KeySchemaElement(DynamoDbCommitEntryTable.FileNameAttribute, KeyType.RANGE),
                    ],
                    AttributeDefinitions =
                    [
                        new AttributeDefinition(DynamoDbCommitEntryTable.TablePathAttribute, ScalarAttributeType.S),
                        new AttributeDefinition(DynamoDbCommitEntryTable.FileNameAttribute, ScalarAttributeType.S),
                    ],
                    BillingMode = BillingMode.PAY_PER_REQUEST,
                },
                cancellationToken).ConfigureAwait(false);
            created = true;
        }
        catch (ResourceInUseException)
        {
            // Exists already (or is being created by someone else): wait for it below.
        }
        catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
        {
            throw AwsErrors.Translate(e, $"CreateTable {tableName}");
        }

        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var description = await client.DescribeTableAsync(tableName, cancellationToken).ConfigureAwait(false);
                if (description.Table.TableStatus == TableStatus.ACTIVE)
                {
                    break;
                }

                if (attempt >= 120)
                {
                    throw new AwsStorageException($"DynamoDB table {tableName} did not become ACTIVE (status {description.Table.TableStatus}). Check it in the console and retry.", null, null);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
            }

            var ttl = await client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false);
            if (ttl.TimeToLiveDescription?.TimeToLiveStatus != TimeToLiveStatus.ENABLED && ttl.TimeToLiveDescription?.TimeToLiveStatus != TimeToLiveStatus.ENABLING)
            {
                await client.UpdateTimeToLiveAsync(
                    new UpdateTimeToLiveRequest
                    {
                        TableName = tableName,
                        TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = DynamoDbCommitEntryTable.ExpireTimeAttribute, Enabled = true },
                    },
                    cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
        {
            throw AwsErrors.Translate(e, $"preparing DynamoDB table {tableName} (DescribeTable/UpdateTimeToLive)");
        }

        return created;
    }
}
