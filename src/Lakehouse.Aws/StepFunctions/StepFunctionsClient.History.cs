using System.Runtime.CompilerServices;
using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Aws.StepFunctions;

public sealed partial class StepFunctionsClient
{
    /// <summary>Largest page ListExecutions and GetExecutionHistory return (the API's maxResults limit).</summary>
    public const int MaxPageSize = 1000;

    /// <summary>
    /// The executions of <paramref name="stateMachineArn"/>, most recent start first (the API's order), fetched page by
    /// page (<c>nextToken</c>) as the caller enumerates, so stopping early saves the remaining calls. Optional filters:
    /// <paramref name="statusFilter"/> (e.g. <c>SUCCEEDED</c>) and <paramref name="redriveFilter"/> (<c>REDRIVEN</c> or
    /// <c>NOT_REDRIVEN</c>). Needs <c>states:ListExecutions</c> on the state machine. ListExecutions is eventually
    /// consistent: a just-stopped execution may still be listed as RUNNING for a moment.
    /// </summary>
    public async IAsyncEnumerable<ExecutionSummary> ListExecutionsAsync(
        string stateMachineArn, string? statusFilter, string? redriveFilter, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateMachineArn);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var what = $"ListExecutions of {stateMachineArn}";
        string? token = null;
        do
        {
            var outcome = await CallAsync(
                "ListExecutions", new ListExecutionsRequest(stateMachineArn, statusFilter, redriveFilter, pageSize, token),
                StepFunctionsJsonContext.Default.ListExecutionsRequest, StepFunctionsJsonContext.Default.ListExecutionsResponse,
                idempotent: true, what, cancellationToken).ConfigureAwait(false);
            var page = outcome.Value ?? throw outcome.ToException(what);
            foreach (var e in page.Executions ?? [])
            {
                yield return new ExecutionSummary(e.ExecutionArn, e.Name ?? NameOf(e.ExecutionArn), e.Status, e.StartDate, e.StopDate, e.RedriveCount ?? 0, e.RedriveDate);
            }

            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (token is not null);
    }

    /// <summary>
    /// Every event of <paramref name="executionArn"/>'s history, oldest first, following <c>nextToken</c> through all
    /// pages (a Standard execution has at most 25,000 events), with the execution data included so the
    /// <c>ExecutionStarted</c> event carries the input. Needs <c>states:GetExecutionHistory</c> on the execution.
    /// </summary>
    public async Task<ExecutionHistory> GetExecutionHistoryAsync(string executionArn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executionArn);
        var what = $"GetExecutionHistory of {executionArn}";
        var events = new List<ExecutionHistoryEvent>();
        string? input = null;
        string? token = null;
        do
        {
            var outcome = await CallAsync(
                "GetExecutionHistory", new GetExecutionHistoryRequest(executionArn, MaxPageSize, token, ReverseOrder: false, IncludeExecutionData: true),
                StepFunctionsJsonContext.Default.GetExecutionHistoryRequest, StepFunctionsJsonContext.Default.GetExecutionHistoryResponse,
                idempotent: true, what, cancellationToken).ConfigureAwait(false);
            var page = outcome.Value ?? throw outcome.ToException(what);
            foreach (var e in page.Events ?? [])
            {
                events.Add(new ExecutionHistoryEvent(e.Id, e.PreviousEventId ?? 0, e.Type, e.Timestamp));
                if (e.Type == "ExecutionStarted" && e.ExecutionStartedEventDetails?.Input is { } startedWith)
                {
                    input = startedWith;
                }
            }

            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (token is not null);

        events.Sort((a, b) => a.Id.CompareTo(b.Id));
        return new ExecutionHistory(executionArn, events, input);
    }

    /// <summary>The last ARN segment: the execution (or state machine) name.</summary>
    internal static string NameOf(string arn) => arn[(arn.LastIndexOf(':') + 1)..];
}
