using System.Globalization;
using System.Runtime.CompilerServices;
using Lakehouse.Delta.Storage;

namespace Lakehouse.Pipelines.Metering;

/// <summary>
/// Usage records as one small JSON object each on any <see cref="IObjectStore"/>: the local (filesystem) usage store of
/// the CLI, and usable on S3 too. Layout: <c>&lt;prefix&gt;/workspace=&lt;id&gt;/date=&lt;yyyy-MM-dd&gt;/&lt;requestId&gt;.json</c>,
/// keyed by the UTC day of the record's start. Idempotency comes from put-if-absent on the request id.
/// </summary>
public sealed class ObjectStoreUsageStore : IUsageStore
{
    private readonly IObjectStore _store;
    private readonly string _prefix;

    public ObjectStoreUsageStore(IObjectStore store, string prefix = "_usage")
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _prefix = (prefix ?? string.Empty).Trim('/');
    }

    public async Task AppendAsync(UsageRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var key = $"{DayPrefix(record.WorkspaceId, DateOnly.FromDateTime(record.Start.UtcDateTime))}{Escape(record.RequestId)}.json";
        await _store.PutIfAbsentAsync(key, UsageRecordJson.Serialize(record), cancellationToken);
    }

    public async IAsyncEnumerable<UsageRecord> ReadAsync(string workspaceId, DateTimeOffset fromInclusive, DateTimeOffset toExclusive, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var day = DateOnly.FromDateTime(fromInclusive.UtcDateTime); day.ToDateTime(TimeOnly.MinValue) < toExclusive.UtcDateTime; day = day.AddDays(1))
        {
            await foreach (var info in _store.ListAsync(DayPrefix(workspaceId, day), null, cancellationToken))
            {
                var bytes = await ReadAllAsync(info, cancellationToken);
                var record = UsageRecordJson.Deserialize(bytes, _store.Describe(info.Key));
                if (record.Start >= fromInclusive && record.Start < toExclusive)
                {
                    yield return record;
                }
            }
        }
    }

    public async Task<IReadOnlyList<string>> ListWorkspacesAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken)
    {
        var root = _prefix.Length == 0 ? "workspace=" : $"{_prefix}/workspace=";
        var first = DateOnly.FromDateTime(fromInclusive.UtcDateTime);
        var last = DateOnly.FromDateTime(toExclusive.UtcDateTime.AddTicks(-1));
        var workspaces = new List<string>();

        // Skip-scan: one listing call finds the next workspace folder, then at most one call per day of the range
        // checks it; the listing then resumes after everything under that workspace ("\uffff" sorts after any key byte
        // of our ASCII layout).
        string? after = null;
        while (await FirstAsync(root, after, cancellationToken) is { } next)
        {
            var rest = next.Key[root.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                after = next.Key;
                continue;
            }

            var escaped = rest[..slash];
            var workspace = Uri.UnescapeDataString(escaped);
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                if (await FirstAsync(DayPrefix(workspace, day), null, cancellationToken) is not null)
                {
                    workspaces.Add(workspace);
                    break;
                }
            }

            after = $"{root}{escaped}/\uffff";
        }

        return workspaces;
    }

    private async Task<ObjectInfo?> FirstAsync(string prefix, string? startAfter, CancellationToken cancellationToken)
    {
        await foreach (var info in _store.ListAsync(prefix, startAfter, cancellationToken))
        {
            return info;
        }

        return null;
    }

    private string DayPrefix(string workspaceId, DateOnly day)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"workspace={Escape(workspaceId)}/date={day:yyyy-MM-dd}/");
        return _prefix.Length == 0 ? path : $"{_prefix}/{path}";
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private async Task<byte[]> ReadAllAsync(ObjectInfo info, CancellationToken cancellationToken)
    {
        await using var stream = await _store.OpenReadAsync(info.Key, cancellationToken);
        using var buffer = new MemoryStream((int)Math.Min(info.Size, 1 << 20));
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
