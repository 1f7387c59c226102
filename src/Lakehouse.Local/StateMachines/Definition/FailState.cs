using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.DataFlow;
using Lakehouse.Local.StateMachines.Execution;
using Lakehouse.Local.StateMachines.Intrinsics;
using Lakehouse.Local.StateMachines.Paths;

namespace Lakehouse.Local.StateMachines.Definition;

/// <summary>Fail: stops its graph with an error, named statically (Error/Cause) or from the input (ErrorPath/CausePath,
/// which may also be intrinsic functions).</summary>
internal sealed class FailState : StateNode
{
    private readonly string? _error;
    private readonly string? _cause;
    private readonly object? _errorSource;
    private readonly object? _causeSource;

    public FailState(FieldReader reader, string name)
        : base(reader, name, hasPaths: false, hasTransition: false)
    {
        _error = reader.String("Error");
        _cause = reader.String("Cause");
        _errorSource = ReadSource(reader, "ErrorPath", _error);
        _causeSource = ReadSource(reader, "CausePath", _cause);
    }

    public override Task<StateResult> ExecuteAsync(JsonNode? input, StateRun run, CancellationToken cancellationToken)
    {
        var context = run.Context(0);
        var error = _errorSource is null ? _error : Resolve(_errorSource, input, context, "ErrorPath");
        var cause = _causeSource is null ? _cause : Resolve(_causeSource, input, context, "CausePath");
        throw new StatesError(error ?? string.Empty, cause);
    }

    private string? Resolve(object source, JsonNode? input, ContextObject? context, string field)
    {
        var value = source switch
        {
            JsonPath path => path.TryEvaluate(input, context, out var v) ? v : throw StatesError.Runtime($"Invalid path '{path}' in state '{Name}' field '{field}': the path references no value in the input."),
            IntrinsicCall call => IntrinsicFunctions.Evaluate(call, input, context),
            _ => null,
        };
        if (value is null)
        {
            return null;
        }

        return JsonValues.TryGetString(value, out var s)
            ? s
            : throw StatesError.Runtime($"State '{Name}' field '{field}' must resolve to a string, got {JsonValues.Compact(value)}.");
    }

    private static object? ReadSource(FieldReader reader, string field, string? staticValue)
    {
        var text = reader.String(field);
        if (text is null)
        {
            return null;
        }

        if (staticValue is not null)
        {
            throw reader.Error(field, $"cannot be combined with '{field[..^4]}'.");
        }

        try
        {
            return text.StartsWith("States.", StringComparison.Ordinal) ? IntrinsicParser.Parse(text) : JsonPath.Parse(text);
        }
        catch (JsonPathSyntaxException e)
        {
            throw reader.Error(field, e.Message);
        }
    }
}
