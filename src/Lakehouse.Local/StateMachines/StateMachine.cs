using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lakehouse.Local.StateMachines.Definition;
using Lakehouse.Local.StateMachines.Events;
using Lakehouse.Local.StateMachines.Execution;

namespace Lakehouse.Local.StateMachines;

/// <summary>
/// A loaded Amazon States Language state machine that runs in-process: the same definition file Step Functions
/// runs on AWS, with Task resources resolved to local handlers. Load once, execute many times (thread-safe).
/// </summary>
public sealed partial class StateMachine
{
    private readonly StateGraph _graph;
    private readonly int? _timeoutSeconds;

    private StateMachine(string name, StateGraph graph, int? timeoutSeconds)
    {
        Name = name;
        _graph = graph;
        _timeoutSeconds = timeoutSeconds;
    }

    /// <summary>The state machine name used in <c>$$.StateMachine</c> and execution ARNs.</summary>
    public string Name { get; }

    /// <summary>The local ARN, <c>arn:aws:states:local:000000000000:stateMachine:NAME</c>.</summary>
    public string Arn => $"arn:aws:states:local:000000000000:stateMachine:{Name}";

    /// <summary>
    /// Parses and validates <paramref name="json"/> after replacing every <c>${Key}</c> with its value from
    /// <paramref name="substitutions"/> (as SAM's DefinitionSubstitutions do). Throws
    /// <see cref="AslDefinitionException"/> naming the state and field for anything invalid or unsupported, and
    /// for a placeholder left without a value.
    /// </summary>
    public static StateMachine Load(string json, IReadOnlyDictionary<string, string>? substitutions = null, string name = "StateMachine")
    {
        ArgumentNullException.ThrowIfNull(json);
        var text = Placeholder().Replace(json, m =>
            substitutions is not null && substitutions.TryGetValue(m.Groups[1].Value, out var value)
                ? value
                : throw new AslDefinitionException($"The definition uses '${{{m.Groups[1].Value}}}' but no substitution named '{m.Groups[1].Value}' was given; pass it in the substitutions (DefinitionSubstitutions on AWS)."));
        var (graph, timeout) = DefinitionParser.Parse(text);
        return new StateMachine(name, graph, timeout);
    }

    /// <summary>Runs one execution to its end. Never throws for failures inside the machine: they are
    /// <see cref="ExecutionStatus.Failed"/>, <see cref="ExecutionStatus.TimedOut"/> (the definition's TimeoutSeconds)
    /// or <see cref="ExecutionStatus.Aborted"/> (<paramref name="cancellationToken"/> fired). Throws
    /// <see cref="AslDefinitionException"/> up front when a Task's resource has no handler.</summary>
    public async Task<ExecutionResult> ExecuteAsync(JsonNode? input, ExecutionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckHandlers(_graph, options);
        var name = options.Name ?? Guid.NewGuid().ToString();
        var arn = $"arn:aws:states:local:000000000000:execution:{Name}:{name}";
        var run = new ExecutionRun(options, arn, name, Arn, Name, input);
        run.Record(ExecutionEventType.ExecutionStarted, null);
        using var timeout = _timeoutSeconds is { } seconds ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds), options.TimeProvider) : null;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout?.Token ?? CancellationToken.None);
        try
        {
            var output = await GraphRunner.RunAsync(_graph, input?.DeepClone(), run, null, linked.Token).ConfigureAwait(false);
            run.Record(ExecutionEventType.ExecutionSucceeded, null);
            return Finish(run, ExecutionStatus.Succeeded, output, null, null);
        }
        catch (StatesError error)
        {
            run.Record(ExecutionEventType.ExecutionFailed, null, error: error.Error, cause: error.Cause);
            return Finish(run, ExecutionStatus.Failed, null, error.Error.Length == 0 ? null : error.Error, error.Cause);
        }
        catch (OperationCanceledException) when (timeout?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            var cause = $"The execution exceeded the state machine's TimeoutSeconds ({_timeoutSeconds} s).";
            run.Record(ExecutionEventType.ExecutionTimedOut, null, error: ErrorNames.Timeout, cause: cause);
            return Finish(run, ExecutionStatus.TimedOut, null, ErrorNames.Timeout, cause);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Record(ExecutionEventType.ExecutionAborted, null);
            return Finish(run, ExecutionStatus.Aborted, null, "States.Aborted", "The execution was cancelled by its caller.");
        }
    }

    /// <summary>Runs one execution with JSON text as input.</summary>
    public Task<ExecutionResult> ExecuteAsync(string input, ExecutionOptions options, CancellationToken cancellationToken = default) =>
        ExecuteAsync(JsonNode.Parse(input), options, cancellationToken);

    private static ExecutionResult Finish(ExecutionRun run, ExecutionStatus status, JsonNode? output, string? error, string? cause) =>
        new(status, output, error, cause, run.History, run.StateTransitions, run.ExecutionArn, run.StartTime, run.TimeProvider.GetUtcNow());

    private static void CheckHandlers(StateGraph graph, ExecutionOptions options)
    {
        foreach (var state in graph.States.Values)
        {
            if (state is TaskState { StaticHandlerKey: { } key } && !options.Handlers.ContainsKey(key))
            {
                throw AslDefinitionException.For(state.Name, "Resource", $"no task handler is registered for '{key}'; add it to ExecutionOptions.Handlers (known: {string.Join(", ", options.Handlers.Keys)}).");
            }

            foreach (var child in state.Children)
            {
                CheckHandlers(child, options);
            }
        }
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9_.:-]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
