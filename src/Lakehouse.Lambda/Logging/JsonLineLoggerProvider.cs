using System.Buffers;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Lambda.Logging;

/// <summary>
/// Writes every log event as one JSON line with the Powertools keys to a stream (stdout in Lambda, where each line
/// becomes one CloudWatch event). Libraries log through <see cref="ILogger"/>; this provider is the only sink.
/// </summary>
internal sealed class JsonLineLoggerProvider : ILoggerProvider
{
    private readonly Stream _output;
    private readonly Lock _gate = new();

    public JsonLineLoggerProvider(LambdaLogState state, Stream output, TimeProvider time, LogLevel minimumLevel)
    {
        State = state;
        _output = output;
        Time = time;
        MinimumLevel = minimumLevel;
    }

    public LambdaLogState State { get; }

    public TimeProvider Time { get; }

    public LogLevel MinimumLevel { get; }

    public ILogger CreateLogger(string categoryName) => new JsonLineLogger(categoryName, this);

    public void Dispose()
    {
        lock (_gate)
        {
            _output.Flush();
        }
    }

    /// <summary>Writes one finished line; whole lines are written under a lock so lines never interleave.</summary>
    internal void WriteLine(ArrayBufferWriter<byte> line)
    {
        lock (_gate)
        {
            _output.Write(line.WrittenSpan);
            _output.WriteByte((byte)'\n');
            _output.Flush();
        }
    }
}
