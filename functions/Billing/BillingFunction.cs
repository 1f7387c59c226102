using System.Globalization;
using System.Text.Json;
using Lakehouse.Functions.Aws;
using Lakehouse.Lambda.Hosting;
using Lakehouse.Pipelines.Billing;
using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Functions.Billing;

/// <summary>
/// The nightly billing job: a scheduled event bills the UTC day before the event's time; an explicit
/// <c>{"date": "yyyy-MM-dd"}</c> bills (or re-bills) that day. Usage comes from the DynamoDB usage table, CSVs go to
/// <c>&lt;LOG_PREFIX&gt;/billable-usage/csv/</c> in LOGS_BUCKET; rates from LAKEHOUSE_BILLING_RATES when set.
/// </summary>
internal sealed class BillingFunction
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
        var job = new BillingJob(host.Usage!, logs, new BillingOptions(host.Settings.LogPrefix, rates), startup.Time);
        var function = new BillingFunction(host, job);
        return Task.FromResult<Func<JsonElement, ILambdaContext, CancellationToken, Task<BillingSummary>>>(function.HandleAsync);
    }

    public async Task<BillingSummary> HandleAsync(JsonElement evt, ILambdaContext context, CancellationToken cancellationToken)
    {
        var date = DateOf(evt);
        _host.Attribution.Set(context.RequestId, string.Empty, "billing");
        var files = await _job.RunAsync(date, cancellationToken).ConfigureAwait(false);
        return new BillingSummary(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), files);
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
}
