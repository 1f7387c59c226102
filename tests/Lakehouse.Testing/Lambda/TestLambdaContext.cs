using Lakehouse.Lambda.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lakehouse.Testing.Lambda;

/// <summary>A settable <see cref="ILambdaContext"/> for handler unit tests (stands in for Amazon.Lambda.TestUtilities).</summary>
public sealed class TestLambdaContext : ILambdaContext
{
    private readonly TimeProvider _time;

    public TestLambdaContext(TimeProvider? time = null, TimeSpan? timeout = null)
    {
        _time = time ?? TimeProvider.System;
        Deadline = _time.GetUtcNow() + (timeout ?? TimeSpan.FromMinutes(1));
    }

    public string RequestId { get; set; } = Guid.NewGuid().ToString();

    public string FunctionName { get; set; } = "test-function";

    public string FunctionVersion { get; set; } = "$LATEST";

    public string InvokedFunctionArn { get; set; } = "arn:aws:lambda:us-east-1:123456789012:function:test-function";

    public int MemoryLimitMb { get; set; } = 512;

    public DateTimeOffset Deadline { get; set; }

    public TimeSpan RemainingTime
    {
        get
        {
            var left = Deadline - _time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public string? LogGroupName { get; set; } = "/aws/lambda/test-function";

    public string? LogStreamName { get; set; } = "2026/11/22/[$LATEST]test";

    public string? TraceId { get; set; }

    public ILogger Logger { get; set; } = NullLogger.Instance;
}
