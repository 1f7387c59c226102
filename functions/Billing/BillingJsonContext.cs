using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lakehouse.Functions.Billing;

/// <summary>Source-generated JSON metadata of the Billing function (trim- and AOT-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(BillingSummary))]
internal sealed partial class BillingJsonContext : JsonSerializerContext;

/// <summary>The Billing response: the day billed, what the usage collectors brought in, and every CSV written with its totals.</summary>
internal sealed record BillingSummary(string Date, IReadOnlyList<Lakehouse.Pipelines.Metering.CollectionReport> Collections, IReadOnlyList<Lakehouse.Pipelines.Billing.BillingFile> Files);
