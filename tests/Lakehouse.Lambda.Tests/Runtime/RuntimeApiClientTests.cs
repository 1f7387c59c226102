using System.Text;
using Lakehouse.Lambda.Runtime;
using Lakehouse.Testing.Lambda;

namespace Lakehouse.Lambda.Tests.Runtime;

public sealed class RuntimeApiClientTests
{
    [Fact]
    public async Task GetNext_ReadsBodyAndHeaders()
    {
        await using var emulator = new LambdaRuntimeEmulator("fn");
        using var client = new RuntimeApiClient(emulator.RuntimeApi);
        var before = DateTimeOffset.UtcNow;

        var pending = emulator.InvokeAsync("""{"a":1}""", TimeSpan.FromSeconds(10), "Root=1-x");
        var next = await client.GetNextInvocationAsync(CancellationToken.None);
        var after = DateTimeOffset.UtcNow;
        await client.PostResponseAsync(next.RequestId, Encoding.UTF8.GetBytes("""{"ok":true}"""), CancellationToken.None);
        var result = await pending;

        Assert.Equal("""{"a":1}""", Encoding.UTF8.GetString(next.Body.Span));
        Assert.Equal(result.RequestId, next.RequestId);
        Assert.Equal(emulator.FunctionArn, next.InvokedFunctionArn);
        Assert.Equal("Root=1-x", next.TraceId);
        Assert.InRange(DateTimeOffset.FromUnixTimeMilliseconds(next.DeadlineUnixMs), before.AddSeconds(10).AddMilliseconds(-1), after.AddSeconds(10).AddMilliseconds(1));
        Assert.False(result.IsError);
        Assert.Equal("""{"ok":true}""", result.BodyText);
    }

    [Fact]
    public async Task PostInvocationError_SendsDocumentAndErrorTypeHeader()
    {
        await using var emulator = new LambdaRuntimeEmulator("fn");
        using var client = new RuntimeApiClient(emulator.RuntimeApi);

        var pending = emulator.InvokeAsync("{}");
        var next = await client.GetNextInvocationAsync(CancellationToken.None);
        await client.PostInvocationErrorAsync(next.RequestId, new RuntimeError("Lakehouse.CommitConflict", "version 3 exists", ["at A", "at B"]), CancellationToken.None);
        var result = await pending;

        Assert.True(result.IsError);
        Assert.Equal("Lakehouse.CommitConflict", result.ErrorType);
        Assert.Equal("""{"errorType":"Lakehouse.CommitConflict","errorMessage":"version 3 exists","stackTrace":["at A","at B"]}""", result.BodyText);
    }

    [Fact]
    public async Task PostResponse_ForUnknownRequest_ThrowsRuntimeApiException()
    {
        await using var emulator = new LambdaRuntimeEmulator("fn");
        using var client = new RuntimeApiClient(emulator.RuntimeApi);

        var ex = await Assert.ThrowsAsync<RuntimeApiException>(() => client.PostResponseAsync("nope", new byte[] { 1 }, CancellationToken.None));

        Assert.Contains("400", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetNext_WhenCancelled_ThrowsOperationCanceled()
    {
        await using var emulator = new LambdaRuntimeEmulator("fn");
        using var client = new RuntimeApiClient(emulator.RuntimeApi);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetNextInvocationAsync(cts.Token));
    }
}
