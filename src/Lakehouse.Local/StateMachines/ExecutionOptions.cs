using Lakehouse.Local.StateMachines.Events;
using Lakehouse.Local.StateMachines.Tasks;

namespace Lakehouse.Local.StateMachines;

/// <summary>Everything one execution needs besides the definition and the input.</summary>
public sealed class ExecutionOptions
{
    /// <summary>The execution name (as StartExecution's name); a new GUID when absent.</summary>
    public string? Name { get; init; }

    /// <summary>Task handlers keyed by the Task Resource after substitution (for example <c>local:transform</c>), or by
    /// the FunctionName of an <c>arn:aws:states:::lambda:invoke</c> task.</summary>
    public IReadOnlyDictionary<string, ITaskHandler> Handlers { get; init; } = new Dictionary<string, ITaskHandler>();

    /// <summary>The clock for timestamps in the context object, timeouts and Wait.Timestamp.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Performs Wait-state and retry waits; defaults to really waiting on <see cref="TimeProvider"/>.</summary>
    public IExecutionDelay? Delay { get; init; }

    /// <summary>An upper bound on concurrent Map iterations across any Map state (0 = only the definition's
    /// MaxConcurrency applies).</summary>
    public int MaxConcurrency { get; init; }

    /// <summary>Receives every history event as it happens (progress display, metering). Called from concurrent
    /// Map iterations, so it must be thread-safe.</summary>
    public IExecutionEventSink? EventSink { get; init; }

    /// <summary>Source of retry jitter (JitterStrategy FULL); <see cref="Random.Shared"/> when absent.</summary>
    public Random? Random { get; init; }
}
