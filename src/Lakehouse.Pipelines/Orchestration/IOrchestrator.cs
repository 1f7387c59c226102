namespace Lakehouse.Pipelines.Orchestration;

/// <summary>
/// Starts pipeline runs: Step Functions on AWS, the in-process ASL interpreter locally. Both execute the same
/// <c>functions/statemachine/pipeline.asl.json</c>.
/// </summary>
/// <remarks>
/// Contract: starting a run whose <see cref="PipelineRunRequest.RunId"/> was already started returns that run
/// (<see cref="RunStart.AlreadyStarted"/> = true) instead of starting a second one, so duplicate S3 events start nothing new.
/// </remarks>
public interface IOrchestrator
{
    Task<RunStart> StartAsync(PipelineRunRequest request, CancellationToken cancellationToken);
}
