using System.Text.Json.Serialization;
using Lakehouse.Lambda.Events.Scheduling;
using Lakehouse.Lambda.Events.S3;
using Lakehouse.Lambda.Events.Sqs;
using Lakehouse.Lambda.Events.StepFunctions;

namespace Lakehouse.Lambda.Events;

/// <summary>
/// Source-generated JSON metadata for every event and task payload (trim- and AOT-safe). Required constructor
/// parameters and nullability are enforced, so a wrong-shape event fails to deserialize with a message naming the
/// missing or null member; unknown members are ignored (AWS adds fields over time).
/// </summary>
[JsonSourceGenerationOptions(
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(S3Event))]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(SqsBatchResponse))]
[JsonSerializable(typeof(S3TestEvent))]
[JsonSerializable(typeof(S3NotificationEnvelope))]
[JsonSerializable(typeof(ScheduledEvent))]
[JsonSerializable(typeof(TransformRequest))]
[JsonSerializable(typeof(TransformSummary))]
public sealed partial class LambdaEventsJsonContext : JsonSerializerContext;
