using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lakehouse.Functions.Ingest;

/// <summary>Source-generated JSON metadata of the Ingest function (trim- and AOT-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(IngestSummary))]
[JsonSerializable(typeof(UnknownPipelineReport))]
internal sealed partial class IngestJsonContext : JsonSerializerContext;
