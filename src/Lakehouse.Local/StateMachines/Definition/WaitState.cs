using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Choices;
using Lakehouse.Local.StateMachines.DataFlow;
using Lakehouse.Local.StateMachines.Events;
using Lakehouse.Local.StateMachines.Execution;
using Lakehouse.Local.StateMachines.Paths;

namespace Lakehouse.Local.StateMachines.Definition;

/// <summary>Wait: delays for Seconds/SecondsPath or until Timestamp/TimestampPath (exactly one), then passes its input on.</summary>
internal sealed class WaitState : StateNode
{
    private readonly int? _seconds;
    private readonly DateTimeOffset? _timestamp;
    private readonly JsonPath? _secondsPath;
    private readonly JsonPath? _timestampPath;

    public WaitState(FieldReader reader, string name)
        : base(reader, name, hasPaths: true, hasTransition: true)
    {
        _seconds = reader.Integer("Seconds", 0);
        var timestamp = reader.String("Timestamp");
        if (timestamp is not null)
        {
            _timestamp = Timestamps.TryParse(timestamp, out var t) ? t : throw reader.Error("Timestamp", $"'{timestamp}' is not an RFC 3339 timestamp such as 2026-11-22T10:00:00Z.");
        }

        _secondsPath = reader.OptionalPath("SecondsPath", referenceOnly: false);
        _timestampPath = reader.OptionalPath("TimestampPath", referenceOnly: false);
        var count = (_seconds is null ? 0 : 1) + (_timestamp is null ? 0 : 1) + (_secondsPath is null ? 0 : 1) + (_timestampPath is null ? 0 : 1);
        if (count != 1)
        {
            throw reader.Error("Seconds", "exactly one of Seconds, Timestamp, SecondsPath or TimestampPath is required.");
        }
    }

    public override async Task<StateResult> ExecuteAsync(JsonNode? input, StateRun run, CancellationToken cancellationToken)
    {
        var context = run.Context(0);
        var effective = SelectInput(input, context);
        var now = run.Execution.TimeProvider.GetUtcNow();
        TimeSpan delay;
        if (_seconds is { } seconds)
        {
            delay = TimeSpan.FromSeconds(seconds);
        }
        else if (_timestamp is { } until)
        {
            delay = until - now;
        }
        else if (_secondsPath is not null)
        {
            delay = _secondsPath.TryEvaluate(effective, context, out var v) && JsonValues.TryGetNumber(v, out var n) && n >= 0 && n == decimal.Truncate(n)
                ? TimeSpan.FromSeconds((double)n)
                : throw StatesError.Runtime($"State '{Name}' field 'SecondsPath': '{_secondsPath}' must reference a non-negative integer.");
        }
        else
        {
            delay = _timestampPath!.TryEvaluate(effective, context, out var v) && JsonValues.TryGetString(v, out var s) && Timestamps.TryParse(s, out var t)
                ? t - now
                : throw StatesError.Runtime($"State '{Name}' field 'TimestampPath': '{_timestampPath}' must reference an RFC 3339 timestamp.");
        }

        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        run.Record(ExecutionEventType.WaitStarted, delay: delay);
        await run.Execution.Delay.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
        return new StateResult(SelectOutput(effective, context), Next);
    }
}
