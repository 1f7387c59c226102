using System.Globalization;
using System.Text.Json;
using Lakehouse.Aws.Metering;
using Lakehouse.Functions.Aws;
using Lakehouse.Functions.Pipelines;
using Lakehouse.Lambda.Hosting;
using Lakehouse.Pipelines.Billing;
using Lakehouse.Pipelines.Metering;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Functions.Billing;

/// <summary>
/// The nightly billing job: a scheduled event bills the UTC day before the event's time; an explicit
/// <c>{"date": "yyyy-MM-dd"}</c> bills (or re-bills) that day. Usage comes from the DynamoDB usage table, CSVs go to
/// <c>&lt;LOG_PREFIX&gt;/billable-usage/csv/</c> in LOGS_BUCKET; rates from LAKEHOUSE_BILLING_RATES when set. When
/// STATE_MACHINE_ARN is set, the state transitions of the pipeline state machine's finished executions are collected
/// into the usage table first (<see cref="StepFunctionsUsageCollector"/>; its cursor is
/// <c>&lt;LOG_PREFIX&gt;/billable-usage/collectors/step-functions.json</c>).
/// </summary>
internal sealed partial class BillingFunction
{
    private readonly FunctionHost _host;
    private readonly BillingJob _job;

    private BillingFunction(FunctionHost host, BillingJob job)
    {
        _host = host;
        _job = job;
    }

    public static Task<Func<JsonElement, ILambdaContext, CancellationToken, Task<BillingSummary>>> InitializeAsync(LambdaStartup startup, CancellationToken cancellationToken)
    {
        var host = FunctionHost.Create(startup, UsageKind.Billing, "LAKE_BUCKET", "LOGS_BUCKET", "USAGE_TABLE");
        BillingRates rates;
        try
        {
            rates = startup.Settings.GetOptional("LAKEHOUSE_BILLING_RATES") is { } text ? BillingRates.Parse(text) : BillingRates.Default;
        }
        catch (BillingException e)
        {
            throw new LambdaConfigurationException($"LAKEHOUSE_BILLING_RATES is invalid: {e.Message}", e);
        }

        var logs = LakeRuntimeFactory.Store(host.Clients, host.Settings.LogsBucket!);
        var collectors = new List<IUsageCollector>();
        if (host.Settings.StateMachineArn is { } stateMachine)
        {
            var logger = startup.LoggerFactory.CreateLogger<BillingFunction>();
            var options = new StepFunctionsCollectorOptions(host.Settings.WorkspaceId, stateMachine, CollectorCursorKey(host.Settings.LogPrefix))
            {
                Attribution = (pipeline, ct) => AttributionAsync(host.Pipelines, pipeline, logger, ct),
            };
            collectors.Add(new StepFunctionsUsageCollector(host.Clients.StepFunctions, host.Usage!, logs, options, startup.Time));
        }

        var job = new BillingJob(host.Usage!, logs, new BillingOptions(host.Settings.LogPrefix, rates), startup.Time) { Collectors = collectors };
        var function = new BillingFunction(host, job);
        return Task.FromResult<Func<JsonElement, ILambdaContext, CancellationToken, Task<BillingSummary>>>(function.HandleAsync);
    }

    public async Task<BillingSummary> HandleAsync(JsonElement evt, ILambdaContext context, CancellationToken cancellationToken)
    {
        var date = DateOf(evt);
        _host.Attribution.Set(context.RequestId, string.Empty, "billing");
        var run = await _job.ExecuteAsync(date, cancellationToken).ConfigureAwait(false);
        return new BillingSummary(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), run.Collections, run.Files);
    }

    /// <summary>Key of the Step Functions collector's cursor: beside the CSVs, inside the Billing function's write grant.</summary>
    internal static string CollectorCursorKey(string logPrefix)
    {
        var trimmed = (logPrefix ?? string.Empty).Trim('/');
        return trimmed.Length == 0 ? "billable-usage/collectors/step-functions.json" : $"{trimmed}/billable-usage/collectors/step-functions.json";
    }

    /// <summary>Owner and tags from <c>_pipelines/&lt;pipeline&gt;.yaml</c>; a missing or broken definition bills without them (and says so).</summary>
    private static async Task<UsageAttribution?> AttributionAsync(PipelineDefinitionStore pipelines, string pipeline, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var definition = await pipelines.GetAsync(pipeline, cancellationToken).ConfigureAwait(false);
            return new UsageAttribution(definition.Owner.Id, definition.Owner.Name ?? string.Empty, definition.Tags);
        }
        catch (LakehouseException e)
        {
            LogNoAttribution(logger, pipeline, e.Message);
            return null;
        }
    }

    /// <summary><c>{"date": "yyyy-MM-dd"}</c>, else the scheduled event's <c>time</c> minus one day (UTC).</summary>
    internal static DateOnly DateOf(JsonElement evt)
    {
        if (evt.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidEventException("The Billing function expects a scheduled event or {\"date\": \"yyyy-MM-dd\"}.");
        }

        if (evt.TryGetProperty("date", out var explicitDate))
        {
            return explicitDate.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(explicitDate.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw new InvalidEventException($"'date' must be a yyyy-MM-dd string, got {explicitDate.GetRawText()}.");
        }

        if (evt.TryGetProperty("time", out var time) && time.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(time.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return DateOnly.FromDateTime(at.UtcDateTime).AddDays(-1);
        }

        throw new InvalidEventException("The event has neither 'date' (yyyy-MM-dd) nor a scheduled event's 'time'; the Billing function expects an EventBridge scheduled event or {\"date\": \"yyyy-MM-dd\"}.");
    }

    [LoggerMessage(EventId = 60, Level = LogLevel.Warning, Message = "State transitions of pipeline {Pipeline} are billed without owner and tags: {Reason}")]
    private static partial void LogNoAttribution(ILogger logger, string pipeline, string reason);
}
