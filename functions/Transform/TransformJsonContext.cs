using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Lakehouse.Functions.Transform;

/// <summary>Source-generated JSON metadata of the Transform function's result (trim- and AOT-safe); the task input is
/// <c>TransformRequestJsonContext</c> of Lakehouse.Pipelines.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class TransformJsonContext : JsonSerializerContext;
