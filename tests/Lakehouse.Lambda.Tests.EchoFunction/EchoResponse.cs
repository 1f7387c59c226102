using System.Text.Json.Serialization;

namespace Lakehouse.Lambda.Tests.EchoFunction;

/// <summary>What the echo function saw: the message plus its invocation context and settings.</summary>
public sealed record EchoResponse(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("functionName")] string FunctionName,
    [property: JsonPropertyName("invokedFunctionArn")] string InvokedFunctionArn,
    [property: JsonPropertyName("memoryLimitMb")] int MemoryLimitMb,
    [property: JsonPropertyName("remainingMs")] long RemainingMs,
    [property: JsonPropertyName("traceId")] string? TraceId,
    [property: JsonPropertyName("traceEnvironment")] string? TraceEnvironment,
    [property: JsonPropertyName("prefix")] string Prefix,
    [property: JsonPropertyName("invocationCount")] int InvocationCount);
