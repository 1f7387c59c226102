using Microsoft.Extensions.Logging;

namespace Lakehouse.Lambda.Hosting;

/// <summary>
/// What a handler knows about the invocation it serves (stands in for Amazon.Lambda.Core's ILambdaContext).
/// Tests use <c>Lakehouse.Testing.Lambda.TestLambdaContext</c>.
/// </summary>
public interface ILambdaContext
{
    /// <summary>The AWS request id of this invocation; also the <c>function_request_id</c> of every log line.</summary>
    string RequestId { get; }

    string FunctionName { get; }

    string FunctionVersion { get; }

    /// <summary>The ARN the caller used, including a version or alias qualifier when there was one.</summary>
    string InvokedFunctionArn { get; }

    /// <summary>Configured memory; Lambda bills GB-seconds from it.</summary>
    int MemoryLimitMb { get; }

    /// <summary>When Lambda stops the invocation (wall clock). The handler's token fires a safety margin earlier.</summary>
    DateTimeOffset Deadline { get; }

    /// <summary>Time left until <see cref="Deadline"/>, never negative.</summary>
    TimeSpan RemainingTime { get; }

    string? LogGroupName { get; }

    string? LogStreamName { get; }

    /// <summary>The X-Ray trace header of this invocation (also in env <c>_X_AMZN_TRACE_ID</c>), or null.</summary>
    string? TraceId { get; }

    /// <summary>A logger writing JSON lines that carry this invocation's request id.</summary>
    ILogger Logger { get; }
}
