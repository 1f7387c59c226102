using System.Text.Json.Serialization;

namespace Lakehouse.Pipelines.Transforms;

/// <summary>
/// Source-generated JSON of <see cref="TransformRequest"/> (trim- and AOT-safe). <c>pipeline</c> and <c>runId</c> are
/// required and nullability is enforced (a missing or null one fails to deserialize, naming the member); names match
/// case-insensitively (<c>error.cause</c> as well as Step Functions' <c>error.Cause</c>); unknown members are ignored.
/// </summary>
[JsonSourceGenerationOptions(
    RespectNullableAnnotations = true,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TransformRequest))]
public sealed partial class TransformRequestJsonContext : JsonSerializerContext;
