using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Pipelines.Tests.Metering;

public sealed class StateTransitionCounterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Count_RecordedPipelineRun_IsStatesEnteredPlusTheRetry()
    {
        var history = HistoryFixtures.PipelineRun();

        var segments = StateTransitionCounter.Segments(history);

        var segment = Assert.Single(segments);
        Assert.Equal(8, history.Count(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal)));
        Assert.Equal(9, segment.Transitions); // 8 states entered + 1 retry of TransformSilverTable (orders)
        Assert.Equal(history[^1].Timestamp, segment.ClosedAt);
        Assert.Equal(0, segment.Redrive);
    }

    [Fact]
    public void Count_InlineMapIterations_AreNotTransitionsButTheirStatesAre()
    {
        var history = HistoryFixtures.Of(T0,
            (1, 0, "ExecutionStarted"),
            (2, 0, "MapStateEntered"),
            (3, 2, "MapStateStarted"),
            (4, 3, "MapIterationStarted"),
            (5, 4, "PassStateEntered"),
            (6, 3, "MapIterationStarted"),
            (7, 6, "PassStateEntered"),
            (8, 5, "PassStateExited"),
            (9, 8, "MapIterationSucceeded"),
            (10, 7, "PassStateExited"),
            (11, 10, "MapIterationSucceeded"),
            (12, 11, "MapStateSucceeded"),
            (13, 12, "MapStateExited"),
            (14, 13, "ExecutionSucceeded"));

        Assert.Equal(3, StateTransitionCounter.Count(history));
    }

    [Fact]
    public void Count_TaskRetries_EachCountOnce()
    {
        // Two retries of a Lambda task, then a Catch to a Fail state (the shape moto's engine and AWS record).
        var history = HistoryFixtures.Of(T0,
            (1, 0, "ExecutionStarted"),
            (2, 0, "TaskStateEntered"),
            (3, 2, "LambdaFunctionScheduled"),
            (4, 3, "LambdaFunctionStarted"),
            (5, 4, "LambdaFunctionFailed"),
            (6, 5, "LambdaFunctionScheduled"),
            (7, 6, "LambdaFunctionStarted"),
            (8, 7, "LambdaFunctionTimedOut"),
            (9, 8, "LambdaFunctionScheduled"),
            (10, 9, "LambdaFunctionStarted"),
            (11, 10, "LambdaFunctionFailed"),
            (12, 11, "TaskStateExited"),
            (13, 12, "FailStateEntered"),
            (14, 13, "ExecutionFailed"));

        Assert.Equal(4, StateTransitionCounter.Count(history)); // Task + 2 retries + Fail
    }

    [Fact]
    public void Count_ServiceIntegrationAndActivityRetries_CountLikeLambdaRetries()
    {
        var history = HistoryFixtures.Of(T0,
            (1, 0, "ExecutionStarted"),
            (2, 0, "TaskStateEntered"),
            (3, 2, "TaskScheduled"),
            (4, 3, "TaskStarted"),
            (5, 4, "TaskFailed"),
            (6, 5, "TaskScheduled"),
            (7, 6, "TaskStarted"),
            (8, 7, "TaskSucceeded"),
            (9, 8, "TaskStateExited"),
            (10, 9, "TaskStateEntered"),
            (11, 10, "ActivityScheduled"),
            (12, 11, "ActivityTimedOut"),
            (13, 12, "ActivityScheduled"),
            (14, 13, "ActivityStarted"),
            (15, 14, "ActivitySucceeded"),
            (16, 15, "TaskStateExited"),
            (17, 16, "ExecutionSucceeded"));

        Assert.Equal(4, StateTransitionCounter.Count(history));
    }

    [Fact]
    public void Count_ParallelAndMapRetries_CountOncePerExtraAttempt()
    {
        // As moto's Step Functions engine records them: a retried Parallel/Map starts again after its branch failed.
        var history = HistoryFixtures.Of(T0,
            (1, 0, "ExecutionStarted"),
            (2, 0, "ParallelStateEntered"),
            (3, 2, "ParallelStateStarted"),
            (4, 3, "FailStateEntered"),
            (5, 4, "ParallelStateStarted"),
            (6, 5, "FailStateEntered"),
            (7, 6, "ParallelStateFailed"),
            (8, 7, "ParallelStateExited"),
            (9, 8, "MapStateEntered"),
            (10, 9, "MapStateStarted"),
            (11, 10, "MapIterationStarted"),
            (12, 11, "FailStateEntered"),
            (13, 12, "MapIterationFailed"),
            (14, 12, "MapStateStarted"),
            (15, 14, "MapIterationStarted"),
            (16, 15, "FailStateEntered"),
            (17, 16, "MapIterationFailed"),
            (18, 16, "MapStateFailed"),
            (19, 18, "ExecutionFailed"));

        // Parallel + 2 branch Fail states + 1 retry; Map + 2 iteration Fail states + 1 retry.
        Assert.Equal(8, StateTransitionCounter.Count(history));
    }

    [Fact]
    public void Segments_RedrivenExecution_BillsTheRedriveOnItsOwn()
    {
        var history = HistoryFixtures.Of(T0,
            (1, 0, "ExecutionStarted"),
            (2, 0, "PassStateEntered"),
            (3, 2, "PassStateExited"),
            (4, 3, "TaskStateEntered"),
            (5, 4, "LambdaFunctionScheduled"),
            (6, 5, "LambdaFunctionStarted"),
            (7, 6, "LambdaFunctionFailed"),
            (8, 7, "ExecutionFailed"),
            (9, 8, "ExecutionRedriven"),
            (10, 9, "TaskStateEntered"),
            (11, 10, "LambdaFunctionScheduled"),
            (12, 11, "LambdaFunctionStarted"),
            (13, 12, "LambdaFunctionSucceeded"),
            (14, 13, "TaskStateExited"),
            (15, 14, "SucceedStateEntered"),
            (16, 15, "SucceedStateExited"),
            (17, 16, "ExecutionSucceeded"));

        var segments = StateTransitionCounter.Segments(history);

        Assert.Equal(2, segments.Count);
        Assert.Equal(new TransitionSegment(0, 2, T0.AddSeconds(8)), segments[0]);
        Assert.Equal(new TransitionSegment(1, 3, T0.AddSeconds(17)), segments[1]); // the redrive + Task + Succeed
        Assert.Equal(5, StateTransitionCounter.Count(history));
    }

    [Fact]
    public void Segments_RunningExecution_IsNotClosed()
    {
        var history = HistoryFixtures.Of(T0, (1, 0, "ExecutionStarted"), (2, 0, "WaitStateEntered"));

        var segment = Assert.Single(StateTransitionCounter.Segments(history));

        Assert.Null(segment.ClosedAt);
        Assert.Equal(1, segment.Transitions);
    }

    [Fact]
    public void Segments_EventsOutOfOrder_AreCountedInIdOrder()
    {
        var ordered = HistoryFixtures.PipelineRun();
        var shuffled = ordered.OrderBy(e => (e.Id * 7919) % 53).ToList();

        Assert.Equal(StateTransitionCounter.Segments(ordered), StateTransitionCounter.Segments(shuffled));
    }
}
