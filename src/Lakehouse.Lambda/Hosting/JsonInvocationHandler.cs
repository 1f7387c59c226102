using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lakehouse.Lambda.Logging;

namespace Lakehouse.Lambda.Hosting;

/// <summary>Deserializes the event, runs the typed handler, serializes the result; all with source-generated metadata.</summary>
internal sealed class JsonInvocationHandler<TEvent, TResult> : IInvocationHandler
{
    private readonly Func<TEvent, ILambdaContext, CancellationToken, Task<TResult>> _handler;
    private readonly JsonTypeInfo<TEvent> _eventType;
    private readonly JsonTypeInfo<TResult> _resultType;
    private readonly LambdaLogState? _logState;

    public JsonInvocationHandler(
        Func<TEvent, ILambdaContext, CancellationToken, Task<TResult>> handler,
        JsonTypeInfo<TEvent> eventType,
        JsonTypeInfo<TResult> resultType,
        LambdaLogState? logState)
    {
        _handler = handler;
        _eventType = eventType;
        _resultType = resultType;
        _logState = logState;
    }

    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context, CancellationToken cancellationToken)
    {
        var evt = Deserialize(eventJson, context.RequestId);
        if (evt is ICorrelatedEvent correlated)
        {
            _logState?.SetCorrelationId(correlated.CorrelationId);
        }

        var result = await _handler(evt, context, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.SerializeToUtf8Bytes(result, _resultType);
    }

    private TEvent Deserialize(ReadOnlyMemory<byte> eventJson, string requestId)
    {
        var expected = typeof(TEvent).Name;
        TEvent? evt;
        try
        {
            evt = JsonSerializer.Deserialize(eventJson.Span, _eventType);
        }
        catch (JsonException ex)
        {
            // The message names the JSON path and line (never the payload itself).
            throw new InvalidEventException(
                $"The event of invocation {requestId} is not a valid {expected}: {ex.Message} Send an event of the shape the function expects (see events/*.json).", ex);
        }

        return evt ?? throw new InvalidEventException(
            $"The event of invocation {requestId} is JSON null; the function expects a {expected} object. Send an event of the shape the function expects (see events/*.json).");
    }
}
