using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Events;
using Lakehouse.Local.StateMachines.Tasks;

// CA1507: the string keys below are context-object field names defined by the States Language, not member names.
#pragma warning disable CA1507

namespace Lakehouse.Local.StateMachines.Execution;

/// <summary>
/// The shared state of one execution: options, the context object's fixed parts, the history being recorded and
/// the state-transition counter. Thread-safe: Map iterations and Parallel branches record into it concurrently.
/// </summary>
internal sealed class ExecutionRun
{
    private readonly List<ExecutionEvent> _history = [];
    private readonly IExecutionEventSink? _sink;
    private int _transitions;

    public ExecutionRun(ExecutionOptions options, string executionArn, string name, string stateMachineArn, string stateMachineName, JsonNode? input)
    {
        _sink = options.EventSink;
        Handlers = options.Handlers;
        TimeProvider = options.TimeProvider;
        Delay = options.Delay ?? new TimeProviderDelay(options.TimeProvider);
        Random = options.Random ?? Random.Shared;
        MaxConcurrency = options.MaxConcurrency;
        ExecutionArn = executionArn;
        Name = name;
        StartTime = TimeProvider.GetUtcNow();
        ExecutionContext = new JsonObject
        {
            ["Id"] = executionArn,
            ["Input"] = input?.DeepClone(),
            ["Name"] = name,
            ["RoleArn"] = "arn:aws:iam::000000000000:role/local-state-machine",
            ["StartTime"] = FormatTime(StartTime),
            ["RedriveCount"] = 0,
        };
        StateMachineContext = new JsonObject { ["Id"] = stateMachineArn, ["Name"] = stateMachineName };
        DataFlow.JsonValues.Materialize(ExecutionContext);
    }

    public IReadOnlyDictionary<string, ITaskHandler> Handlers { get; }

    public TimeProvider TimeProvider { get; }

    public IExecutionDelay Delay { get; }

    public Random Random { get; }

    public int MaxConcurrency { get; }

    public string ExecutionArn { get; }

    public string Name { get; }

    public DateTimeOffset StartTime { get; }

    public JsonObject ExecutionContext { get; }

    public JsonObject StateMachineContext { get; }

    public int StateTransitions => Volatile.Read(ref _transitions);

    public IReadOnlyList<ExecutionEvent> History
    {
        get
        {
            lock (_history)
            {
                return _history.ToArray();
            }
        }
    }

    /// <summary>Counts a state transition (a state entered, or a retry), as Step Functions bills them.</summary>
    public void CountTransition() => Interlocked.Increment(ref _transitions);

    public void Record(ExecutionEventType type, string? state, int? mapIndex = null, string? error = null, string? cause = null, int? retryCount = null, TimeSpan? delay = null, string? resource = null)
    {
        ExecutionEvent e;
        lock (_history)
        {
            e = new ExecutionEvent(_history.Count + 1, TimeProvider.GetUtcNow(), type, state, mapIndex, error, cause, retryCount, delay, resource);
            _history.Add(e);
        }

        _sink?.OnEvent(e);
    }

    /// <summary>The context-object timestamp format, e.g. <c>2019-03-26T20:14:13.192Z</c>.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
