using System.Text;
using System.Text.Json;
using Lakehouse.Lambda.Logging;
using Lakehouse.Testing;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Lambda.Tests.Logging;

public sealed partial class JsonLineLoggerTests
{
    private readonly MemoryStream _output = new();
    private readonly LambdaLogState _state = new("orders-service", "lakehouse-dev-ingest", "3", 1024);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 2, 0, 0, 123, TimeSpan.Zero));

    private ILogger CreateLogger(LogLevel minimum = LogLevel.Information)
        => new JsonLineLoggerProvider(_state, _output, _time, minimum).CreateLogger("Lakehouse.Pipelines.Ingestion");

    private IReadOnlyList<JsonElement> Lines()
        => Encoding.UTF8.GetString(_output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public void Log_WritesOneJsonLineWithPowertoolsKeys()
    {
        var logger = CreateLogger();
        _state.BeginInvocation("req-1", "Root=1-abc", coldStart: true);
        _state.SetCorrelationId("run-9");

        LogAppended(logger, "orders", 42, 1.5);

        var line = Assert.Single(Lines());
        Assert.Equal("2026-11-22T02:00:00.123Z", line.GetProperty("timestamp").GetString());
        Assert.Equal("Information", line.GetProperty("level").GetString());
        Assert.Equal("orders-service", line.GetProperty("service").GetString());
        Assert.Equal("Lakehouse.Pipelines.Ingestion", line.GetProperty("name").GetString());
        Assert.Equal("Appended 42 rows to orders in 1.5 s", line.GetProperty("message").GetString());
        Assert.True(line.GetProperty("cold_start").GetBoolean());
        Assert.Equal("lakehouse-dev-ingest", line.GetProperty("function_name").GetString());
        Assert.Equal("3", line.GetProperty("function_version").GetString());
        Assert.Equal(1024, line.GetProperty("function_memory_size").GetInt32());
        Assert.Equal("req-1", line.GetProperty("function_request_id").GetString());
        Assert.Equal("Root=1-abc", line.GetProperty("xray_trace_id").GetString());
        Assert.Equal("run-9", line.GetProperty("correlation_id").GetString());
        Assert.Equal("orders", line.GetProperty("Table").GetString());
        Assert.Equal(42, line.GetProperty("Rows").GetInt64());
        Assert.Equal(1.5, line.GetProperty("Seconds").GetDouble());
        Assert.False(line.TryGetProperty("{OriginalFormat}", out _));
    }

    [Fact]
    public void Log_WithException_AddsTypeMessageAndStack()
    {
        var logger = CreateLogger();
        Exception caught;
        try
        {
            throw new InvalidDataException("bad \"row\"\nline 2");
        }
        catch (InvalidDataException ex)
        {
            caught = ex;
        }

        LogFailed(logger, caught);

        var exception = Assert.Single(Lines()).GetProperty("exception");
        Assert.Equal("System.IO.InvalidDataException", exception.GetProperty("type").GetString());
        Assert.Equal("bad \"row\"\nline 2", exception.GetProperty("message").GetString());
        Assert.Contains(nameof(Log_WithException_AddsTypeMessageAndStack), exception.GetProperty("stack_trace").GetString(), StringComparison.Ordinal);
        Assert.Single(Encoding.UTF8.GetString(_output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Log_BelowMinimumLevel_WritesNothing()
    {
        var logger = CreateLogger(LogLevel.Warning);

        LogAppended(logger, "orders", 1, 0.1);

        Assert.Empty(Lines());
        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Error));
    }

    [Fact]
    public void Log_BetweenInvocations_OmitsRequestKeysAndIsNotColdStart()
    {
        var logger = CreateLogger();
        _state.BeginInvocation("req-1", null, coldStart: true);
        _state.EndInvocation();

        LogAppended(logger, "orders", 1, 0.1);

        var line = Assert.Single(Lines());
        Assert.False(line.TryGetProperty("function_request_id", out _));
        Assert.False(line.TryGetProperty("xray_trace_id", out _));
        Assert.False(line.GetProperty("cold_start").GetBoolean());
    }

    [Fact]
    public void Log_FromParallelThreads_NeverInterleavesLines()
    {
        var logger = CreateLogger();

        var tables = Enumerable.Range(0, 200).Select(i => "t" + i).ToArray();
        Parallel.For(0, 200, i => LogAppended(logger, tables[i], i, i));

        Assert.Equal(200, Lines().Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Appended {Rows} rows to {Table} in {Seconds} s")]
    private static partial void LogAppended(ILogger logger, string table, long rows, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
