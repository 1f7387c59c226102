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
    private readonly Func<TEvent, string?>? _correlationId;

    /// <summary>
    /// <paramref name="correlationId"/> reads the correlation id of an event whose type cannot implement
    /// <see cref="ICorrelatedEvent"/> (a contract type of another assembly); null to use the interface.
    /// </summary>
    public JsonInvocationHandler(
        Func<TEvent, ILambdaContext, CancellationToken, Task<TResult>> handler,
        JsonTypeInfo<TEvent> eventType,
        JsonTypeInfo<TResult> resultType,
        LambdaLogState? logState,
        Func<TEvent, string?>? correlationId = null)
    {
        _handler = handler;
        _eventType = eventType;
        _resultType = resultType;
        _logState = logState;
        _correlationId = correlationId;
    }

    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context, CancellationToken cancellationToken)
    {
        var evt = Deserialize(eventJson, context.RequestId);
        if (_correlationId is not null)
        {
            _logState?.SetCorrelationId(_correlationId(evt));
        }
        else if (evt is ICorrelatedEvent correlated)
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
