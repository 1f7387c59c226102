using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Lakehouse.Aws.Errors;
using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Aws.Metering;

/// <summary>Maps a <see cref="UsageRecord"/> to and from a usage-table item (one attribute per field).</summary>
internal static class UsageItem
{
    internal const string Start = "start";

    public static Dictionary<string, AttributeValue> ToItem(UsageRecord r, string pk, string instantFormat)
    {
        static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
        var item = new Dictionary<string, AttributeValue>
        {
            ["pk"] = new(pk),
            ["sk"] = new(r.RequestId),
            ["workspaceId"] = new(r.WorkspaceId),
            ["requestId"] = new(r.RequestId),
            ["kind"] = new(r.Kind.ToString()),
            ["function"] = new(r.Function),
            [Start] = new(r.Start.UtcDateTime.ToString(instantFormat, CultureInfo.InvariantCulture)),
            ["end"] = new(r.End.UtcDateTime.ToString(instantFormat, CultureInfo.InvariantCulture)),
            ["billedDurationMs"] = N(r.BilledDurationMs),
            ["memoryMb"] = N(r.MemoryMb),
            ["architecture"] = new(r.Architecture),
            ["stateTransitions"] = N(r.StateTransitions),
            ["succeeded"] = new() { BOOL = r.Succeeded },
        };

        // DynamoDB rejects empty strings in key attributes only, but optional text is omitted to keep items small.
        AddOptional(item, "pipeline", r.Pipeline);
        AddOptional(item, "stage", r.Stage);
        AddOptional(item, "ownerId", r.OwnerId);
        AddOptional(item, "ownerName", r.OwnerName);
        if (r.Tags.Count > 0)
        {
            item["tags"] = new() { M = r.Tags.ToDictionary(t => t.Key, t => new AttributeValue(t.Value), StringComparer.Ordinal) };
        }

        return item;
    }

    public static UsageRecord FromItem(Dictionary<string, AttributeValue> item, string tableName)
    {
        string S(string name, bool required = true) =>
            item.TryGetValue(name, out var v) && v.S is { } s ? s
            : required ? throw new AwsStorageException($"Usage item {item.GetValueOrDefault("pk")?.S}/{item.GetValueOrDefault("sk")?.S} in DynamoDB table {tableName} has no '{name}'; it was not written by DynamoDbUsageStore. Delete or fix the item.", null, null)
            : string.Empty;
        long N(string name) => item.TryGetValue(name, out var v) && v.N is { } n ? long.Parse(n, CultureInfo.InvariantCulture) : 0;
        var kindText = S("kind");
        if (!Enum.TryParse<UsageKind>(kindText, ignoreCase: false, out var kind))
        {
            throw new AwsStorageException($"Usage item {S("pk")}/{S("sk")} in DynamoDB table {tableName} has unknown kind '{kindText}'; expected one of {string.Join(", ", Enum.GetNames<UsageKind>())}.", null, null);
        }

        return new UsageRecord
        {
            WorkspaceId = S("workspaceId"),
            RequestId = S("requestId"),
            Kind = kind,
            Pipeline = S("pipeline", required: false),
            Stage = S("stage", required: false),
            Function = S("function"),
            Start = DateTimeOffset.Parse(S(Start), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            End = DateTimeOffset.Parse(S("end"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            BilledDurationMs = N("billedDurationMs"),
            MemoryMb = (int)N("memoryMb"),
            Architecture = S("architecture"),
            StateTransitions = N("stateTransitions"),
            Succeeded = !item.TryGetValue("succeeded", out var ok) || ok.BOOL != false,
            OwnerId = S("ownerId", required: false),
            OwnerName = S("ownerName", required: false),
            Tags = item.TryGetValue("tags", out var tags) && tags.M is { } m
                ? m.ToDictionary(t => t.Key, t => t.Value.S ?? string.Empty, StringComparer.Ordinal)
                : new Dictionary<string, string>(),
        };
    }

    private static void AddOptional(Dictionary<string, AttributeValue> item, string name, string value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            item[name] = new(value);
        }
    }
}
