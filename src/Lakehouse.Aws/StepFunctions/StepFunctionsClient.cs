using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime.Signing;

namespace Lakehouse.Aws.StepFunctions;

/// <summary>
/// The few Step Functions calls the platform needs (stands in for AWSSDK.StepFunctions, absent from this registry):
/// JSON 1.0 protocol over <see cref="HttpClient"/>, each request signed by AWSSDK.Core's
/// <see cref="SigV4SigningHandler"/>. StartExecution is idempotent by execution name: starting a name again with the
/// same input returns the existing execution, a different input is an <see cref="ExecutionNameConflictException"/>.
/// </summary>
public sealed partial class StepFunctionsClient : IDisposable
{
    private const string SigningService = "states";
    private readonly HttpClient _http;
    private readonly StepFunctionsClientOptions _options;

    /// <summary>A client for <paramref name="options"/>' region and endpoint.</summary>
    public StepFunctionsClient(StepFunctionsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Credentials);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Region);
        _options = options;
#pragma warning disable CA2000 // The handler chain is owned and disposed by the HttpClient.
        var signer = new SigV4SigningHandler(options.Credentials, RegionEndpoint.GetBySystemName(options.Region), SigningService, new SocketsHttpHandler());
#pragma warning restore CA2000
        _http = new HttpClient(signer, disposeHandler: true) { Timeout = options.AttemptTimeout };
    }

    /// <summary>
    /// Starts <paramref name="stateMachineArn"/> with the caller-chosen <paramref name="name"/> (at most 80 characters of
    /// letters, digits, '-' and '_') and JSON <paramref name="input"/>. A duplicate start (same name and input, for example a
    /// redelivered S3 event) returns the existing execution instead of failing.
    /// </summary>
    /// <exception cref="ExecutionNameConflictException">The name exists with a different input.</exception>
    public async Task<ExecutionStart> StartExecutionAsync(string stateMachineArn, string name, string input, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateMachineArn);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(input);
        var request = new StartExecutionRequest(stateMachineArn, name, input);
        var outcome = await CallAsync(
            "StartExecution", request, StepFunctionsJsonContext.Default.StartExecutionRequest, StepFunctionsJsonContext.Default.StartExecutionResponse,
            idempotent: true, $"StartExecution {name} of {stateMachineArn}", cancellationToken).ConfigureAwait(false);
        if (outcome.Value is { } started)
        {
            return new ExecutionStart(started.ExecutionArn, started.StartDate, AlreadyStarted: false);
        }

        if (outcome.ErrorCode != "ExecutionAlreadyExists")
        {
            throw outcome.ToException($"StartExecution {name} of {stateMachineArn}");
        }

        // Closed executions (and running ones with another input) answer ExecutionAlreadyExists: compare inputs.
        var existingArn = ExecutionArnOf(stateMachineArn, name);
        var existing = await DescribeExecutionAsync(existingArn, cancellationToken).ConfigureAwait(false);
        return SameJson(existing.Input, input)
            ? new ExecutionStart(existing.ExecutionArn, existing.StartDate, AlreadyStarted: true)
            : throw new ExecutionNameConflictException(existing.ExecutionArn);
    }

    /// <summary>Status, input and output of one execution.</summary>
    public async Task<ExecutionDescription> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executionArn);
        var what = $"DescribeExecution {executionArn}";
        var outcome = await CallAsync(
            "DescribeExecution", new DescribeExecutionRequest(executionArn), StepFunctionsJsonContext.Default.DescribeExecutionRequest,
            StepFunctionsJsonContext.Default.DescribeExecutionResponse, idempotent: true, what, cancellationToken).ConfigureAwait(false);
        var d = outcome.Value ?? throw outcome.ToException(what);
        return new ExecutionDescription(d.ExecutionArn, d.StateMachineArn, d.Name, d.Status, d.Input, d.Output, d.StartDate, d.StopDate, d.Error, d.Cause);
    }

    /// <summary>Stops a running execution (ABORTED); tests and the CLI use it.</summary>
    public async Task StopExecutionAsync(string executionArn, string? error, string? cause, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executionArn);
        var what = $"StopExecution {executionArn}";
        var outcome = await CallAsync(
            "StopExecution", new StopExecutionRequest(executionArn, error, cause), StepFunctionsJsonContext.Default.StopExecutionRequest,
            StepFunctionsJsonContext.Default.StopExecutionResponse, idempotent: true, what, cancellationToken).ConfigureAwait(false);
        _ = outcome.Value ?? throw outcome.ToException(what);
    }

    /// <summary>Creates a STANDARD state machine from an ASL <paramref name="definition"/> (tests and the CLI); returns its ARN.</summary>
    public async Task<string> CreateStateMachineAsync(string name, string definition, string roleArn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(roleArn);
        var what = $"CreateStateMachine {name}";
        var outcome = await CallAsync(
            "CreateStateMachine", new CreateStateMachineRequest(name, definition, roleArn, "STANDARD"), StepFunctionsJsonContext.Default.CreateStateMachineRequest,
            StepFunctionsJsonContext.Default.CreateStateMachineResponse, idempotent: false, what, cancellationToken).ConfigureAwait(false);
        return (outcome.Value ?? throw outcome.ToException(what)).StateMachineArn;
    }

    public void Dispose() => _http.Dispose();

    /// <summary><c>arn:aws:states:r:a:stateMachine:sm</c> + name → <c>arn:aws:states:r:a:execution:sm:name</c>.</summary>
    internal static string ExecutionArnOf(string stateMachineArn, string name)
    {
        const string marker = ":stateMachine:";
        var at = stateMachineArn.IndexOf(marker, StringComparison.Ordinal);
        return at < 0
            ? throw new ArgumentException($"'{stateMachineArn}' is not a state machine ARN (arn:aws:states:<region>:<account>:stateMachine:<name>).", nameof(stateMachineArn))
            : $"{stateMachineArn[..at]}:execution:{stateMachineArn[(at + marker.Length)..]}:{name}";
    }

    private static bool SameJson(string? stored, string requested)
    {
        if (string.Equals(stored, requested, StringComparison.Ordinal))
        {
            return true;
        }

        try
        {
            return stored is not null && JsonNode.DeepEquals(JsonNode.Parse(stored), JsonNode.Parse(requested));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
