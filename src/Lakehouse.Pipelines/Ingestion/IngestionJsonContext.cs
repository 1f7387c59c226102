using System.Text.Json.Serialization;

namespace Lakehouse.Pipelines.Ingestion;

/// <summary>Source-generated JSON for ingestion documents (AOT-clean).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IngestedMarker))]
internal sealed partial class IngestionJsonContext : JsonSerializerContext;
