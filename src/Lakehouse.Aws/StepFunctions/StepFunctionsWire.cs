using System.Text.Json.Serialization;

namespace Lakehouse.Aws.StepFunctions;

// Request and response bodies of the Step Functions JSON 1.0 protocol (member names as in the API reference).

internal sealed record StartExecutionRequest(
    [property: JsonPropertyName("stateMachineArn")] string StateMachineArn,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("input")] string Input);

internal sealed record StartExecutionResponse(
    [property: JsonPropertyName("executionArn")] string ExecutionArn,
    [property: JsonPropertyName("startDate"), JsonConverter(typeof(AwsTimestampConverter))] DateTimeOffset StartDate);

internal sealed record DescribeExecutionRequest([property: JsonPropertyName("executionArn")] string ExecutionArn);

internal sealed record DescribeExecutionResponse(
    [property: JsonPropertyName("executionArn")] string ExecutionArn,
    [property: JsonPropertyName("stateMachineArn")] string StateMachineArn,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("input")] string? Input,
    [property: JsonPropertyName("output")] string? Output,
    [property: JsonPropertyName("startDate"), JsonConverter(typeof(AwsTimestampConverter))] DateTimeOffset StartDate,
    [property: JsonPropertyName("stopDate"), JsonConverter(typeof(NullableAwsTimestampConverter))] DateTimeOffset? StopDate,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("cause")] string? Cause);

internal sealed record StopExecutionRequest(
    [property: JsonPropertyName("executionArn")] string ExecutionArn,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("cause")] string? Cause);

internal sealed record StopExecutionResponse(
    [property: JsonPropertyName("stopDate"), JsonConverter(typeof(NullableAwsTimestampConverter))] DateTimeOffset? StopDate);

internal sealed record CreateStateMachineRequest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("definition")] string Definition,
    [property: JsonPropertyName("roleArn")] string RoleArn,
    [property: JsonPropertyName("type")] string Type);

internal sealed record CreateStateMachineResponse([property: JsonPropertyName("stateMachineArn")] string StateMachineArn);

internal sealed record ListExecutionsRequest(
    [property: JsonPropertyName("stateMachineArn")] string StateMachineArn,
    [property: JsonPropertyName("statusFilter")] string? StatusFilter,
    [property: JsonPropertyName("redriveFilter")] string? RedriveFilter,
    [property: JsonPropertyName("maxResults")] int MaxResults,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record ListExecutionsResponse(
    [property: JsonPropertyName("executions")] IReadOnlyList<ExecutionListItem>? Executions,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record ExecutionListItem(
    [property: JsonPropertyName("executionArn")] string ExecutionArn,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("startDate"), JsonConverter(typeof(AwsTimestampConverter))] DateTimeOffset StartDate,
    [property: JsonPropertyName("stopDate"), JsonConverter(typeof(NullableAwsTimestampConverter))] DateTimeOffset? StopDate,
    [property: JsonPropertyName("redriveCount")] int? RedriveCount,
    [property: JsonPropertyName("redriveDate"), JsonConverter(typeof(NullableAwsTimestampConverter))] DateTimeOffset? RedriveDate);

internal sealed record GetExecutionHistoryRequest(
    [property: JsonPropertyName("executionArn")] string ExecutionArn,
    [property: JsonPropertyName("maxResults")] int MaxResults,
    [property: JsonPropertyName("nextToken")] string? NextToken,
    [property: JsonPropertyName("reverseOrder")] bool ReverseOrder,
    [property: JsonPropertyName("includeExecutionData")] bool IncludeExecutionData);

internal sealed record GetExecutionHistoryResponse(
    [property: JsonPropertyName("events")] IReadOnlyList<HistoryEventWire>? Events,
    [property: JsonPropertyName("nextToken")] string? NextToken);

internal sealed record HistoryEventWire(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("previousEventId")] long? PreviousEventId,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("timestamp"), JsonConverter(typeof(AwsTimestampConverter))] DateTimeOffset Timestamp,
    [property: JsonPropertyName("executionStartedEventDetails")] ExecutionStartedDetailsWire? ExecutionStartedEventDetails);

internal sealed record ExecutionStartedDetailsWire([property: JsonPropertyName("input")] string? Input);

internal sealed record ErrorResponse(
    [property: JsonPropertyName("__type")] string? Type,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("Message")] string? MessageUpper);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartExecutionRequest))]
[JsonSerializable(typeof(StartExecutionResponse))]
[JsonSerializable(typeof(DescribeExecutionRequest))]
[JsonSerializable(typeof(DescribeExecutionResponse))]
[JsonSerializable(typeof(StopExecutionRequest))]
[JsonSerializable(typeof(StopExecutionResponse))]
[JsonSerializable(typeof(CreateStateMachineRequest))]
[JsonSerializable(typeof(CreateStateMachineResponse))]
[JsonSerializable(typeof(ListExecutionsRequest))]
[JsonSerializable(typeof(ListExecutionsResponse))]
[JsonSerializable(typeof(GetExecutionHistoryRequest))]
[JsonSerializable(typeof(GetExecutionHistoryResponse))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class StepFunctionsJsonContext : JsonSerializerContext;
