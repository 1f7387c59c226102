namespace Lakehouse.Pipelines.Metering;

/// <summary>
/// Counts the billed state transitions of a Standard workflow execution from its history, by the rule AWS bills:
/// "Step Functions counts a state transition each time a step of your workflow is executed. You are charged for the
/// total number of state transitions across all your state machines, including retries" and "each retry will be
/// charged as an additional state transition" (https://aws.amazon.com/step-functions/pricing/); "when you redrive an
/// execution, it's considered as a state transition. In addition, all states that are rerun in a redrive are also
/// considered as state transitions", and iterations of an Inline Map state are not charged as such
/// (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-transitions.html).
/// </summary>
/// <remarks>
/// <para>On the history that means one transition per:</para>
/// <list type="bullet">
/// <item><c>*StateEntered</c> event: every state entered, including states inside Inline Map iterations and Parallel
/// branches (the Map and Parallel states themselves count once per entry; <c>MapIterationStarted</c> does not count);</item>
/// <item>retry: a further attempt of a state already entered. A Task attempt starts with <c>TaskScheduled</c>,
/// <c>LambdaFunctionScheduled</c> or <c>ActivityScheduled</c>, a Map or Parallel attempt with <c>MapStateStarted</c>
/// or <c>ParallelStateStarted</c>; the first attempt follows its own <c>*StateEntered</c> event directly
/// (<c>previousEventId</c>), a retry follows the failure of the previous attempt;</item>
/// <item><c>ExecutionRedriven</c> event (a redrive), which also starts a new <see cref="TransitionSegment"/> so that each
/// redrive is billed once, on its own, whenever it is collected.</item>
/// </list>
/// <para>The local interpreter (Lakehouse.Local) counts the same way while it runs: one per state entered and one per
/// retry; a cross-check test runs one definition in moto's Step Functions engine and locally and compares.</para>
/// </remarks>
public static class StateTransitionCounter
{
    /// <summary>The transitions of <paramref name="history"/>, one segment per run (first run, then each redrive).</summary>
    public static IReadOnlyList<TransitionSegment> Segments(IEnumerable<ExecutionHistoryEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var events = history.OrderBy(e => e.Id).ToArray();
        var typeById = new Dictionary<long, string>(events.Length);
        foreach (var e in events)
        {
            typeById[e.Id] = e.Type;
        }

        var segments = new List<TransitionSegment>();
        var redrive = 0;
        long transitions = 0;
        DateTimeOffset? closedAt = null;
        foreach (var e in events)
        {
            if (e.Type == "ExecutionRedriven")
            {
                segments.Add(new TransitionSegment(redrive, transitions, closedAt));
                redrive++;
                transitions = 1;
                closedAt = null;
                continue;
            }

            if (e.Type.EndsWith("StateEntered", StringComparison.Ordinal) || IsRetry(e, typeById))
            {
                transitions++;
            }
            else if (e.Type is "ExecutionSucceeded" or "ExecutionFailed" or "ExecutionTimedOut" or "ExecutionAborted")
            {
                closedAt = e.Timestamp;
            }
        }

        segments.Add(new TransitionSegment(redrive, transitions, closedAt));
        return segments;
    }

    /// <summary>All transitions of <paramref name="history"/> (every segment).</summary>
    public static long Count(IEnumerable<ExecutionHistoryEvent> history) => Segments(history).Sum(s => s.Transitions);

    private static bool IsRetry(ExecutionHistoryEvent e, Dictionary<long, string> typeById)
    {
        var entered = e.Type switch
        {
            "TaskScheduled" or "LambdaFunctionScheduled" or "ActivityScheduled" => "TaskStateEntered",
            "MapStateStarted" => "MapStateEntered",
            "ParallelStateStarted" => "ParallelStateEntered",
            _ => null,
        };
        return entered is not null && (!typeById.TryGetValue(e.PreviousEventId, out var previous) || previous != entered);
    }
}
