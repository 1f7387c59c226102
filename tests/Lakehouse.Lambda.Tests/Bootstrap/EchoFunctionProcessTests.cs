using System.Text.Json;

namespace Lakehouse.Lambda.Tests.Bootstrap;

/// <summary>The published echo bootstrap, as a real process, served by the Runtime API emulator.</summary>
[Collection("echo-process")]
public sealed class EchoFunctionProcessTests
{
    private readonly EchoFunctionFixture _fixture;

    public EchoFunctionProcessTests(EchoFunctionFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Invoke_EchoEvent_ReturnsResponseWithInvocationContext()
    {
        const string trace = "Root=1-67891233-abcdef012345678912345678;Parent=463ac35c9f6413ad;Sampled=1";

        var result = await _fixture.Emulator.InvokeAsync("""{"message":"hello"}""", TimeSpan.FromSeconds(30), trace);

        Assert.False(result.IsError, result.ToString());
        var body = result.Json;
        Assert.Equal("echo:hello", body.GetProperty("message").GetString());
        Assert.Equal(result.RequestId, body.GetProperty("requestId").GetString());
        Assert.Equal("echo", body.GetProperty("functionName").GetString());
        Assert.Equal(_fixture.Emulator.FunctionArn, body.GetProperty("invokedFunctionArn").GetString());
        Assert.Equal(256, body.GetProperty("memoryLimitMb").GetInt32());
        Assert.Equal(trace, body.GetProperty("traceId").GetString());
        Assert.Equal(trace, body.GetProperty("traceEnvironment").GetString());
        Assert.InRange(body.GetProperty("remainingMs").GetInt64(), 1, 30_000);
    }

    [Fact]
    public async Task Invoke_Twice_IsServedByTheSameWarmProcess()
    {
        var first = (await _fixture.Emulator.InvokeAsync("""{"message":"one"}""")).Json.GetProperty("invocationCount").GetInt32();
        var second = (await _fixture.Emulator.InvokeAsync("""{"message":"two"}""")).Json.GetProperty("invocationCount").GetInt32();

        Assert.Equal(first + 1, second);
    }

    [Fact]
    public async Task Invoke_WhenHandlerThrows_ReportsErrorTypeMessageAndStackTrace()
    {
        var result = await _fixture.Emulator.InvokeAsync("""{"message":"x","mode":"fail"}""");

        Assert.True(result.IsError);
        Assert.Equal("System.InvalidOperationException", result.ErrorType);
        Assert.Equal("System.InvalidOperationException", result.Json.GetProperty("errorType").GetString());
        Assert.Equal("Echo was asked to fail.", result.ErrorMessage);
        Assert.Contains(result.Json.GetProperty("stackTrace").EnumerateArray(), l => l.GetString()!.Contains("EchoFunction.HandleAsync", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_WhenHandlerThrowsLakehouseException_ReportsItsStableErrorType()
    {
        var result = await _fixture.Emulator.InvokeAsync("""{"message":"abc","mode":"reject"}""");

        Assert.Equal("Lakehouse.EchoRejected", result.ErrorType);
        Assert.Equal("Echo rejected message of 3 characters.", result.ErrorMessage);
    }

    [Theory]
    [InlineData("{\"message\": ", "is not a valid EchoRequest")]
    [InlineData("{\"msg\":\"hello\"}", "'message'")]
    [InlineData("{\"message\":42}", "$.message")]
    [InlineData("[1,2,3]", "is not a valid EchoRequest")]
    public async Task Invoke_WithInvalidOrWrongShapeEvent_ReportsInvalidEvent(string json, string expected)
    {
        var result = await _fixture.Emulator.InvokeAsync(json);

        Assert.True(result.IsError);
        Assert.Equal("Lakehouse.InvalidEvent", result.ErrorType);
        Assert.Contains(expected, result.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(result.RequestId, result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_PastTheDeadline_IsCancelledCleanlyAndTheProcessServesOn()
    {
        var timedOut = await _fixture.Emulator.InvokeAsync("""{"message":"slow","mode":"sleep","delayMs":600000}""", TimeSpan.FromSeconds(2));
        var next = await _fixture.Emulator.InvokeAsync("""{"message":"after"}""");

        Assert.Equal("Lakehouse.Timeout", timedOut.ErrorType);
        Assert.Contains("300 ms before its deadline", timedOut.ErrorMessage, StringComparison.Ordinal);
        Assert.False(next.IsError, next.ToString());
        Assert.Equal("echo:after", next.Json.GetProperty("message").GetString());
        Assert.False(_fixture.Process.Exited.IsCompleted);
    }

    [Fact]
    public async Task Logs_AreJsonLinesWithRequestIdAndUsage_AndNeverThePayload()
    {
        const string secret = "payload-must-not-be-logged-7f3a";
        var ok = await _fixture.Emulator.InvokeAsync($$"""{"message":"{{secret}}"}""");
        var failed = await _fixture.Emulator.InvokeAsync("""{"message":"x","mode":"fail"}""");

        var usageFailed = await WaitForLineAsync(l => l.Contains("usage " + failed.RequestId, StringComparison.Ordinal));
        var usageOk = await WaitForLineAsync(l => l.Contains("usage " + ok.RequestId, StringComparison.Ordinal));
        var lines = _fixture.Process.StandardOutputLines;

        Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        var received = lines.Select(Parse).Where(l => l.GetProperty("message").GetString()!.StartsWith("Echo received", StringComparison.Ordinal)).ToList();
        Assert.Contains(received, l => l.GetProperty("function_request_id").GetString() == ok.RequestId);
        Assert.All(received, l =>
        {
            Assert.Equal("Information", l.GetProperty("level").GetString());
            Assert.Equal("echo", l.GetProperty("service").GetString());
            Assert.Equal("echo", l.GetProperty("function_name").GetString());
            Assert.True(l.TryGetProperty("timestamp", out _));
            Assert.True(l.TryGetProperty("cold_start", out _));
        });
        Assert.True(received.Count(l => l.GetProperty("cold_start").GetBoolean()) <= 1);
        Assert.False(Parse(usageFailed).GetProperty("Succeeded").GetBoolean());
        Assert.Equal("System.InvalidOperationException", Parse(usageFailed).GetProperty("UsageErrorType").GetString());
        Assert.True(Parse(usageOk).GetProperty("Succeeded").GetBoolean());
        Assert.Equal(256, Parse(usageOk).GetProperty("MemoryMb").GetInt32());
        Assert.True(Parse(usageOk).GetProperty("BilledDurationMs").GetInt64() >= 1);
        var error = Parse(Assert.Single(lines, l => l.Contains("\"level\":\"Error\"", StringComparison.Ordinal) && l.Contains(failed.RequestId, StringComparison.Ordinal)));
        Assert.Equal("System.InvalidOperationException", error.GetProperty("exception").GetProperty("type").GetString());
    }

    private static JsonElement Parse(string line) => JsonDocument.Parse(line).RootElement.Clone();

    private async Task<string> WaitForLineAsync(Func<string, bool> predicate)
    {
        // The observer logs after the response is posted, so its line can trail the invoke's completion.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var line = _fixture.Process.StandardOutputLines.FirstOrDefault(predicate);
            if (line is not null)
            {
                return line;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException("Expected log line not written. Output:\n" + string.Join('\n', _fixture.Process.StandardOutputLines));
    }
}
