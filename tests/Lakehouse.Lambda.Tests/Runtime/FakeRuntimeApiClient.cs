using System.Threading.Channels;
using Lakehouse.Lambda.Runtime;

namespace Lakehouse.Lambda.Tests.Runtime;

/// <summary>An in-memory Runtime API: queued events out, posted responses and errors recorded.</summary>
internal sealed class FakeRuntimeApiClient : IRuntimeApiClient
{
    private readonly Channel<InvocationRequest> _events = Channel.CreateUnbounded<InvocationRequest>();

    public List<(string RequestId, byte[] Body)> Responses { get; } = [];

    public List<(string RequestId, RuntimeError Error)> Errors { get; } = [];

    public List<RuntimeError> InitErrors { get; } = [];

    public void Enqueue(InvocationRequest request) => _events.Writer.TryWrite(request);

    public async Task<InvocationRequest> GetNextInvocationAsync(CancellationToken cancellationToken)
        => await _events.Reader.ReadAsync(cancellationToken);

    public Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> responseJson, CancellationToken cancellationToken)
    {
        Responses.Add((requestId, responseJson.ToArray()));
        return Task.CompletedTask;
    }

    public Task PostInvocationErrorAsync(string requestId, RuntimeError runtimeError, CancellationToken cancellationToken)
    {
        Errors.Add((requestId, runtimeError));
        return Task.CompletedTask;
    }

    public Task PostInitErrorAsync(RuntimeError runtimeError, CancellationToken cancellationToken)
    {
        InitErrors.Add(runtimeError);
        return Task.CompletedTask;
    }
}
