using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Lakehouse.Functions.Transform;

/// <summary>Source-generated JSON metadata of the Transform function (trim- and AOT-safe).</summary>
[JsonSourceGenerationOptions(RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TransformTask))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class TransformJsonContext : JsonSerializerContext;
