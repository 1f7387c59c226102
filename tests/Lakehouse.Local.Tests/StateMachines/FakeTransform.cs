using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Tasks;

namespace Lakehouse.Local.Tests.StateMachines;

/// <summary>
/// Stands in for the Transform function: records every call in order, returns a small summary per table, and can
/// be told to fail a table a number of times (or always) with a given exception.
/// </summary>
internal sealed class FakeTransform : ITaskHandler
{
    private readonly ConcurrentQueue<JsonObject> _calls = new();
    private readonly ConcurrentDictionary<string, (int Remaining, Func<Exception> Create)> _failures = new();

    public IReadOnlyList<JsonObject> Calls => _calls.ToArray();

    public IEnumerable<string> Tables(string layer) =>
        Calls.Where(c => c["layer"]?.GetValue<string>() == layer).Select(c => c["table"]!.GetValue<string>());

    public void Fail(string table, int times, Func<Exception> create) => _failures[table] = (times, create);

    public Task<JsonNode?> InvokeAsync(JsonNode? input, TaskContext context, CancellationToken cancellationToken)
    {
        var call = input!.AsObject();
        _calls.Enqueue((JsonObject)call.DeepClone());
        if (call["action"]?.GetValue<string>() == "recordFailure")
        {
            return Task.FromResult<JsonNode?>(new JsonObject { ["recorded"] = true });
        }

        var table = call["table"]!.GetValue<string>();
        if (_failures.TryGetValue(table, out var failure) && failure.Remaining != 0)
        {
            _failures[table] = (failure.Remaining - 1, failure.Create);
            throw failure.Create();
        }

        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["table"] = table,
            ["layer"] = call["layer"]!.GetValue<string>(),
            ["rowsWritten"] = table.Length,
            ["attempt"] = context.RetryCount,
        });
    }
}
