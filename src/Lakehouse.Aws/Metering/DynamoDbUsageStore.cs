using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lakehouse.Aws.Errors;
using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Aws.Metering;

/// <summary>
/// Usage records in the DynamoDB usage table (<c>pk</c>/<c>sk</c> strings, TTL attribute <c>expireAt</c>).
/// </summary>
/// <remarks>
/// <para><b>Records.</b> <c>pk = &lt;workspaceId&gt;#&lt;yyyy-MM-dd&gt;</c> (UTC day of the record's start),
/// <c>sk = &lt;requestId&gt;</c>, one attribute per <see cref="UsageRecord"/> field. The put is conditional on
/// <c>attribute_not_exists(sk)</c>, so a retried append of one request id keeps the first record (idempotent).</para>
/// <para><b>Workspace index.</b> Listing workspaces must not scan the table, and a GSI would cost a second write per
/// record anyway. Instead each workspace-day has one tiny marker item <c>pk = _workspaces#&lt;yyyy-MM-dd&gt;</c>,
/// <c>sk = &lt;workspaceId&gt;</c>, written (unconditionally: it is idempotent) before the first record of that
/// workspace-day a process appends and then remembered in memory. <see cref="ListWorkspacesAsync"/> queries one small
/// partition per day of the range. Markers expire with the records (same TTL).</para>
/// <para><b>Reading.</b> <see cref="ReadAsync"/> queries each day's partition of the range, page by page
/// (<c>LastEvaluatedKey</c>), with a filter on the start instant, stored as fixed-width ISO-8601 UTC text so string
/// order is time order.</para>
/// </remarks>
public sealed class DynamoDbUsageStore : IUsageStore
{
    /// <summary>Default lifetime of a usage item: long enough for a year of re-billing plus late corrections.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(400);

    internal const string MarkerPrefix = "_workspaces#";
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private readonly IAmazonDynamoDB _client;
    private readonly string _tableName;
    private readonly TimeSpan _retention;
    private readonly ConcurrentDictionary<string, byte> _markersWritten = new(StringComparer.Ordinal);

    /// <param name="client">DynamoDB client (not disposed here).</param>
    /// <param name="tableName">The usage table (env USAGE_TABLE).</param>
    /// <param name="retention">TTL of items from the record's start; <see cref="DefaultRetention"/> when null.</param>
    public DynamoDbUsageStore(IAmazonDynamoDB client, string tableName, TimeSpan? retention = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _client = client;
        _tableName = tableName;
        _retention = retention ?? DefaultRetention;
    }

    /// <inheritdoc />
    public async Task AppendAsync(UsageRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var day = Day(record.Start);
        var expireAt = (record.Start + _retention).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var markerKey = $"{day}#{record.WorkspaceId}";
        if (!_markersWritten.ContainsKey(markerKey))
        {
            await PutAsync(
                new PutItemRequest
                {
                    TableName = _tableName,
                    Item = new Dictionary<string, AttributeValue>
                    {
                        ["pk"] = new(MarkerPrefix + day),
                        ["sk"] = new(record.WorkspaceId),
                        ["expireAt"] = new() { N = expireAt },
                    },
                },
                $"workspace marker {record.WorkspaceId} for {day}",
                cancellationToken).ConfigureAwait(false);
            _markersWritten.TryAdd(markerKey, 0);
        }

        var item = UsageItem.ToItem(record, $"{record.WorkspaceId}#{day}", InstantFormat);
        item["expireAt"] = new() { N = expireAt };
        await PutAsync(
            new PutItemRequest { TableName = _tableName, Item = item, ConditionExpression = "attribute_not_exists(sk)" },
            $"usage record {record.RequestId} of workspace {record.WorkspaceId}",
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<UsageRecord> ReadAsync(string workspaceId, DateTimeOffset fromInclusive, DateTimeOffset toExclusive, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workspaceId);
        var from = fromInclusive.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);
        var to = toExclusive.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);
        foreach (var day in Days(fromInclusive, toExclusive))
        {
            var request = new QueryRequest
            {
                TableName = _tableName,
                KeyConditionExpression = "pk = :pk",
                FilterExpression = "#start >= :from AND #start < :to",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#start"] = UsageItem.Start },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":pk"] = new($"{workspaceId}#{day}"),
                    [":from"] = new(from),
                    [":to"] = new(to),
                },
            };
            await foreach (var item in QueryAllAsync(request, $"usage of workspace {workspaceId} on {day}", cancellationToken).ConfigureAwait(false))
            {
                yield return UsageItem.FromItem(item, _tableName);
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListWorkspacesAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var day in Days(fromInclusive, toExclusive))
        {
            var request = new QueryRequest
            {
                TableName = _tableName,
                KeyConditionExpression = "pk = :pk",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new(MarkerPrefix + day) },
                ProjectionExpression = "sk",
            };
            await foreach (var item in QueryAllAsync(request, $"workspaces with usage on {day}", cancellationToken).ConfigureAwait(false))
            {
                found.Add(item["sk"].S);
            }
        }

        return [.. found];
    }

    private static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<string> Days(DateTimeOffset fromInclusive, DateTimeOffset toExclusive)
    {
        if (toExclusive <= fromInclusive)
        {
            yield break;
        }

        var last = DateOnly.FromDateTime(toExclusive.UtcDateTime.AddTicks(-1));
        for (var day = DateOnly.FromDateTime(fromInclusive.UtcDateTime); day <= last; day = day.AddDays(1))
        {
            yield return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }

    private async Task PutAsync(PutItemRequest request, string what, CancellationToken cancellationToken)
    {
        try
        {
            await _client.PutItemAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // Already stored under this request id: idempotent append.
        }
        catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
        {
            throw AwsErrors.Translate(e, $"PutItem of {what} in DynamoDB table {_tableName}");
        }
    }

    private async IAsyncEnumerable<Dictionary<string, AttributeValue>> QueryAllAsync(QueryRequest request, string what, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        do
        {
            QueryResponse response;
            try
            {
                response = await _client.QueryAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
            {
                throw AwsErrors.Translate(e, $"Query of {what} in DynamoDB table {_tableName}");
            }

            foreach (var item in response.Items ?? [])
            {
                yield return item;
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);
    }
}
