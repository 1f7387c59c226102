using Lakehouse.Pipelines.Orchestration;

namespace Lakehouse.Aws.StepFunctions;

/// <summary>
/// Starts pipeline runs as executions of the pipeline state machine (<c>functions/statemachine/pipeline.asl.json</c>).
/// The execution name is the run id, so a duplicate trigger (a redelivered S3 event for an already committed bronze
/// version) maps to the existing execution and starts nothing new.
/// </summary>
public sealed class StepFunctionsOrchestrator : IOrchestrator
{
    private readonly StepFunctionsClient _client;
    private readonly string _stateMachineArn;

    /// <param name="client">The Step Functions client (not disposed by this orchestrator).</param>
    /// <param name="stateMachineArn">ARN of the pipeline state machine (env STATE_MACHINE_ARN of the Ingest function).</param>
    public StepFunctionsOrchestrator(StepFunctionsClient client, string stateMachineArn)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(stateMachineArn);
        _client = client;
        _stateMachineArn = stateMachineArn;
    }

    /// <inheritdoc />
    /// <exception cref="ExecutionNameConflictException">The run id exists with a different input (two different runs share a name).</exception>
    public async Task<RunStart> StartAsync(PipelineRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = request.ToStateMachineInput().ToJsonString();
        var started = await _client.StartExecutionAsync(_stateMachineArn, request.RunId, input, cancellationToken).ConfigureAwait(false);
        return new RunStart(started.ExecutionArn, started.AlreadyStarted);
    }
}
