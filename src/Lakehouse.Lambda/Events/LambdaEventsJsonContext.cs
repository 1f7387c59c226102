using System.Text.Json.Serialization;
using Lakehouse.Lambda.Events.Scheduling;
using Lakehouse.Lambda.Events.S3;
using Lakehouse.Lambda.Events.Sqs;

namespace Lakehouse.Lambda.Events;

/// <summary>
/// Source-generated JSON metadata for the AWS event records (trim- and AOT-safe). The Step Functions task payload of
/// the pipeline state machine is a Lakehouse.Pipelines contract (TransformRequest), not an AWS event. Required constructor
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
public sealed partial class LambdaEventsJsonContext : JsonSerializerContext;
