using System.Text;
using System.Text.Json;
using Lakehouse.Lambda.Hosting;
using Lakehouse.Lambda.Runtime;
using Lakehouse.Lambda.Tests.Usage;

namespace Lakehouse.Lambda.Tests.Runtime;

public sealed class LambdaRuntimeLoopTests
{
    private static Task<GreetingResult> Greet(GreetingEvent e, ILambdaContext c, CancellationToken t)
        => Task.FromResult(new GreetingResult($"hello {e.Name} from {c.FunctionName} ({c.RequestId}, {c.MemoryLimitMb} MB)"));

    [Fact]
    public async Task Process_WhenHandlerSucceeds_PostsSerializedResult()
    {
        var harness = new LoopHarness(Greet);

        await harness.ProcessAsync(LoopHarness.Request("{\"name\":\"Ada\"}", "req-42"));

        var (requestId, body) = Assert.Single(harness.Client.Responses);
        Assert.Equal("req-42", requestId);
        Assert.Equal("{\"greeting\":\"hello Ada from greeter (req-42, 1024 MB)\"}", Encoding.UTF8.GetString(body));
        Assert.Empty(harness.Client.Errors);
    }

    [Fact]
    public async Task Process_WhenHandlerThrowsBclException_ReportsFullTypeNameAndStack()
    {
        var harness = new LoopHarness((_, _, _) => throw new InvalidOperationException("no greeting today"));

        await harness.ProcessAsync(LoopHarness.Request("{\"name\":\"Ada\"}"));

        var (_, error) = Assert.Single(harness.Client.Errors);
        Assert.Equal("System.InvalidOperationException", error.ErrorType);
        Assert.Equal("no greeting today", error.ErrorMessage);
        Assert.Contains(error.StackTrace, line => line.Contains(nameof(LambdaRuntimeLoopTests), StringComparison.Ordinal));
        Assert.Empty(harness.Client.Responses);
    }

    [Fact]
    public async Task Process_WhenHandlerThrowsLakehouseException_ReportsItsErrorType()
    {
        var harness = new LoopHarness((_, _, _) => throw new SampleConflictException("table orders moved on"));

        await harness.ProcessAsync(LoopHarness.Request("{\"name\":\"Ada\"}"));

        Assert.Equal("Lakehouse.SampleConflict", Assert.Single(harness.Client.Errors).Error.ErrorType);
    }

    [Fact]
    public async Task Process_WhenDeadlineMinusMarginPasses_CancelsHandlerAndReportsTimeout()
    {
        var sawCancellation = false;
        var harness = new LoopHarness(async (_, _, token) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                sawCancellation = true;
                throw;
            }

            return new GreetingResult("never");
        }, marginMs: 100);

        await harness.ProcessAsync(LoopHarness.Request("{\"name\":\"Ada\"}", timeout: TimeSpan.FromMilliseconds(400)));

        var (_, error) = Assert.Single(harness.Client.Errors);
        Assert.True(sawCancellation);
        Assert.Equal(InvocationTimeoutException.TimeoutErrorType, error.ErrorType);
        Assert.Contains("100 ms before its deadline", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_WhenHandlerCancelsItsOwnOperation_IsNotReportedAsTimeout()
    {
        var harness = new LoopHarness((_, _, _) => throw new OperationCanceledException("the handler gave up on its own"));

        await harness.ProcessAsync(LoopHarness.Request("{\"name\":\"Ada\"}"));

        Assert.Equal("System.OperationCanceledException", Assert.Single(harness.Client.Errors).Error.ErrorType);
    }

    [Theory]
    [InlineData("{not json", "is not a valid GreetingEvent")]
    [InlineData("{\"nom\":\"Ada\"}", "missing required properties including: 'name'")]
    [InlineData("{\"name\":null}", "name")]
    [InlineData("null", "is JSON null")]
    public async Task Process_WhenEventIsInvalid_ReportsInvalidEvent(string json, string expected)
    {
        var handlerRan = false;
        var harness = new LoopHarness((e, c, t) =>
        {
            handlerRan = true;
            return Greet(e, c, t);
        });

        await harness.ProcessAsync(LoopHarness.Request(json, "req-bad"));

        var (requestId, error) = Assert.Single(harness.Client.Errors);
        Assert.Equal("req-bad", requestId);
        Assert.Equal("Lakehouse.InvalidEvent", error.ErrorType);
        Assert.Contains(expected, error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("req-bad", error.ErrorMessage, StringComparison.Ordinal);
        Assert.False(handlerRan);
    }

    [Fact]
    public async Task Process_SetsTraceEnvironmentVariablePerInvocation()
    {
        var seen = new List<string?>();
        var harness = new LoopHarness((e, c, t) =>
        {
            seen.Add(Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"));
            return Greet(e, c, t);
        });

        await harness.ProcessAsync(LoopHarness.Request("{\"name\":\"a\"}", "r1", traceId: "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));
        await harness.ProcessAsync(LoopHarness.Request("{\"name\":\"b\"}", "r2", traceId: null));

        Assert.Equal(["Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", null], seen);
    }

    [Fact]
    public async Task Process_CallsObserverForSuccessAndFailure_WithBilledDurationAndColdStartOnce()
    {
        var observer = new RecordingObserver();
        var harness = new LoopHarness((e, c, t) => e.Name == "fail" ? throw new SampleConflictException("x") : Greet(e, c, t), observer);

        await harness.ProcessAsync(LoopHarness.Request("{\"name\":\"ok\",\"runId\":\"run-1\"}", "r1"));
        await harness.ProcessAsync(LoopHarness.Request("{\"name\":\"fail\"}", "r2"));

        Assert.Equal(["r1", "r2"], observer.Started.Select(s => s.RequestId));
        Assert.Equal(2, observer.Completed.Count);
        var (ok, failed) = (observer.Completed[0], observer.Completed[1]);
        Assert.True(ok.Succeeded);
        Assert.Null(ok.ErrorType);
        Assert.True(ok.ColdStart);
        Assert.Equal("run-1", ok.CorrelationId);
        Assert.Null(failed.CorrelationId);
        Assert.False(failed.Succeeded);
        Assert.Equal("Lakehouse.SampleConflict", failed.ErrorType);
        Assert.False(failed.ColdStart);
        Assert.All(observer.Completed, u =>
        {
            Assert.Equal(1024, u.MemoryMb);
            Assert.Equal("greeter", u.FunctionName);
            Assert.True(u.BilledDurationMs >= 1);
            Assert.True(u.EndedAt >= u.StartedAt);
            Assert.Contains(u.Architecture, new[] { "x86_64", "arm64" });
        });
    }

    [Fact]
    public async Task Process_WhenObserverThrows_InvocationStillSucceedsAndWarningIsLogged()
    {
        var harness = new LoopHarness(Greet, new RecordingObserver { Throw = true });

        await harness.ProcessAsync(LoopHarness.Request("{\"name\":\"Ada\"}", "r1"));

        Assert.Single(harness.Client.Responses);
        Assert.Empty(harness.Client.Errors);
        var warnings = harness.LogLines.Select(l => JsonDocument.Parse(l).RootElement).Where(l => l.GetProperty("level").GetString() == "Warning").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal("System.InvalidOperationException", w.GetProperty("exception").GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Process_WhenResultExceedsSixMegabytes_ReportsResponseTooLarge()
    {
        var big = new string('x', LambdaRuntimeLoop.MaxResponseBytes);
        var harness = new LoopHarness((_, _, _) => Task.FromResult(new GreetingResult(big)));

        await harness.ProcessAsync(LoopHarness.Request("{\"name\":\"Ada\"}"));

        Assert.Equal("Lakehouse.ResponseTooLarge", Assert.Single(harness.Client.Errors).Error.ErrorType);
    }

    [Fact]
    public async Task Run_ServesQueuedEventsUntilStopped()
    {
        var harness = new LoopHarness(Greet);
        harness.Client.Enqueue(LoopHarness.Request("{\"name\":\"a\"}", "r1"));
        harness.Client.Enqueue(LoopHarness.Request("{\"name\":\"b\"}", "r2"));
        using var stop = new CancellationTokenSource();

        var running = harness.Loop.RunAsync(stop.Token);
        while (harness.Client.Responses.Count < 2)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await running;

        Assert.Equal(["r1", "r2"], harness.Client.Responses.Select(r => r.RequestId));
    }

    [Fact]
    public async Task Process_LogLinesCarryRequestIdAndCorrelationIdOnlyDuringTheInvocation()
    {
        var harness = new LoopHarness((_, _, _) => throw new SampleConflictException("boom"));

        await harness.ProcessAsync(LoopHarness.Request("{\"name\":\"Ada\",\"runId\":\"run-7\"}", "req-9", traceId: "Root=1-abc"));

        var line = JsonDocument.Parse(Assert.Single(harness.LogLines)).RootElement;
        Assert.Equal("Error", line.GetProperty("level").GetString());
        Assert.Equal("req-9", line.GetProperty("function_request_id").GetString());
        Assert.Equal("run-7", line.GetProperty("correlation_id").GetString());
        Assert.Equal("Root=1-abc", line.GetProperty("xray_trace_id").GetString());
        Assert.True(line.GetProperty("cold_start").GetBoolean());
        Assert.Equal("Lakehouse.SampleConflict", line.GetProperty("ErrorType").GetString());
        Assert.Null(harness.LogState.Current.RequestId);
    }

    [Fact]
    public async Task Process_WithCorrelationSelector_TakesTheCorrelationIdFromTheSelector()
    {
        // For event types of other assemblies that cannot implement ICorrelatedEvent (the Transform task payload).
        var harness = new LoopHarness((_, _, _) => throw new SampleConflictException("boom"), correlationId: e => "selected-" + e.Name);

        await harness.ProcessAsync(LoopHarness.Request("{\"name\":\"Ada\",\"runId\":\"run-7\"}", "req-9"));

        var line = JsonDocument.Parse(Assert.Single(harness.LogLines)).RootElement;
        Assert.Equal("selected-Ada", line.GetProperty("correlation_id").GetString());
    }

    private sealed class SampleConflictException(string message) : LakehouseException(message);
}
