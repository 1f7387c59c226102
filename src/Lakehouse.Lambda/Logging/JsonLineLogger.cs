using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Lambda.Logging;

/// <summary>
/// One JSON object per log event: <c>timestamp, level, service, name, message, cold_start, function_name,
/// function_version, function_memory_size, function_request_id, xray_trace_id, correlation_id</c>, the message template's
/// named values, and <c>exception</c> (<c>type, message, stack_trace</c>) when one is attached.
/// </summary>
internal sealed class JsonLineLogger : ILogger
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private static readonly HashSet<string> ReservedKeys =
    [
        "timestamp", "level", "service", "name", "message", "cold_start", "function_name", "function_version",
        "function_memory_size", "function_request_id", "xray_trace_id", "correlation_id", "exception", "{OriginalFormat}",
    ];

    private readonly string _category;
    private readonly JsonLineLoggerProvider _provider;

    public JsonLineLogger(string category, JsonLineLoggerProvider provider)
    {
        _category = category;
        _provider = provider;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= _provider.MinimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(formatter);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var logState = _provider.State;
            var invocation = logState.Current;
            json.WriteStartObject();
            json.WriteString("timestamp", _provider.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("level", logLevel.ToString());
            json.WriteString("service", logState.ServiceName);
            json.WriteString("name", _category);
            json.WriteString("message", formatter(state, exception));
            json.WriteBoolean("cold_start", invocation.ColdStart);
            json.WriteString("function_name", logState.FunctionName);
            json.WriteString("function_version", logState.FunctionVersion);
            json.WriteNumber("function_memory_size", logState.MemoryMb);
            WriteOptional(json, "function_request_id", invocation.RequestId);
            WriteOptional(json, "xray_trace_id", invocation.TraceId);
            WriteOptional(json, "correlation_id", invocation.CorrelationId);
            if (eventId.Id != 0)
            {
                json.WriteNumber("event_id", eventId.Id);
            }

            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                WriteValues(json, values);
            }

            if (exception is not null)
            {
                json.WriteStartObject("exception");
                json.WriteString("type", exception.GetType().FullName);
                json.WriteString("message", exception.Message);
                json.WriteString("stack_trace", exception.ToString());
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        _provider.WriteLine(buffer);
    }

    private static void WriteOptional(Utf8JsonWriter json, string key, string? value)
    {
        if (value is not null)
        {
            json.WriteString(key, value);
        }
    }

    private static void WriteValues(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var (key, value) = values[i];
            if (ReservedKeys.Contains(key))
            {
                continue;
            }

            switch (value)
            {
                case null:
                    json.WriteNull(key);
                    break;
                case bool b:
                    json.WriteBoolean(key, b);
                    break;
                case int or long or short or byte or uint or ushort or sbyte:
                    json.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    break;
                case decimal m:
                    json.WriteNumber(key, m);
                    break;
                case double or float when double.IsFinite(Convert.ToDouble(value, CultureInfo.InvariantCulture)):
                    json.WriteNumber(key, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                    break;
                case IFormattable formattable:
                    json.WriteString(key, formattable.ToString(null, CultureInfo.InvariantCulture));
                    break;
                default:
                    json.WriteString(key, value.ToString());
                    break;
            }
        }
    }
}
