namespace Lakehouse.Pipelines.EventLog;

/// <summary>Values of <see cref="PipelineEvent.EventType"/>.</summary>
public static class PipelineEventTypes
{
    public const string RunStarted = "run_started";
    public const string RunFinished = "run_finished";
    public const string RunFailed = "run_failed";
    public const string StepStarted = "step_started";
    public const string StepFinished = "step_finished";
    public const string StepSkipped = "step_skipped";
    public const string StepFailed = "step_failed";

    /// <summary>One row per expectation per step, with passed and failed row counts (Lakeflow's flow_progress data_quality).</summary>
    public const string Expectation = "expectation";
}
