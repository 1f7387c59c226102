using System.Text.Json;
using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.DataFlow;

namespace Lakehouse.Local.StateMachines.Definition;

/// <summary>
/// Turns definition JSON into validated state graphs, refusing (with the state and field named) anything invalid or
/// not supported: unknown fields, missing transitions, targets that do not exist, duplicate state names, JSONata.
/// </summary>
internal sealed class DefinitionParser
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    private DefinitionParser()
    {
    }

    /// <summary>The parsed machine: its top-level graph and execution TimeoutSeconds.</summary>
    public static (StateGraph Graph, int? TimeoutSeconds) Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new AslDefinitionException($"The state machine definition is not valid JSON: {e.Message}", e);
        }

        var obj = root as JsonObject ?? throw new AslDefinitionException("The state machine definition must be a JSON object with StartAt and States.");
        var reader = new FieldReader(obj, null);
        reader.String("Version");
        var language = reader.String("QueryLanguage") ?? "JSONPath";
        if (language != "JSONPath")
        {
            throw reader.Error("QueryLanguage", $"'{language}' is not supported locally; use JSONPath.");
        }

        var timeout = reader.Integer("TimeoutSeconds", 1);
        var parser = new DefinitionParser();
        var graph = parser.ReadGraph(reader, null);
        reader.EnsureAllRead("a state machine");
        return (graph, timeout);
    }

    private StateGraph ReadGraph(JsonObject obj, string owner, string field)
    {
        var reader = new FieldReader(obj, owner, field + ".");
        if (field == "ItemProcessor")
        {
            reader.Has("ProcessorConfig");
        }

        var graph = ReadGraph(reader, owner);
        reader.EnsureAllRead(field);
        return graph;
    }

    private StateGraph ReadGraph(FieldReader reader, string? owner)
    {
        reader.Has("Comment");
        var startAt = reader.RequiredString("StartAt");
        var states = reader.Object("States") ?? throw reader.Error("States", "is required.");
        if (states.Count == 0)
        {
            throw reader.Error("States", "must contain at least one state.");
        }

        var parsed = new Dictionary<string, StateNode>(StringComparer.Ordinal);
        foreach (var (name, node) in states)
        {
            if (!_names.Add(name))
            {
                throw AslDefinitionException.For(name, "Type", "state names must be unique across the whole state machine, including Map and Parallel states.");
            }

            if (name.Length is 0 or > 80)
            {
                throw AslDefinitionException.For(name, "Type", "state names must be 1 to 80 characters long.");
            }

            parsed[name] = ReadState(name, node as JsonObject ?? throw AslDefinitionException.For(name, "Type", "a state must be a JSON object."));
        }

        if (!parsed.ContainsKey(startAt))
        {
            throw reader.Error("StartAt", $"'{startAt}' is not one of the states {string.Join(", ", parsed.Keys.Select(k => $"'{k}'"))}.");
        }

        foreach (var state in parsed.Values)
        {
            foreach (var target in state.Transitions)
            {
                if (!parsed.ContainsKey(target))
                {
                    throw AslDefinitionException.For(state.Name, "Next", $"'{target}' is not a state of the same graph{(owner is null ? string.Empty : $" (inside '{owner}')")}.");
                }
            }
        }

        return new StateGraph(startAt, parsed);
    }

    private StateNode ReadState(string name, JsonObject obj)
    {
        var reader = new FieldReader(obj, name);
        if (!JsonValues.TryGetString(obj["Type"], out var type))
        {
            throw reader.Error("Type", "is required (Task, Pass, Choice, Wait, Succeed, Fail, Map or Parallel).");
        }

        StateNode state = type switch
        {
            "Task" => new TaskState(reader, name),
            "Pass" => new PassState(reader, name),
            "Choice" => new ChoiceState(reader, name),
            "Wait" => new WaitState(reader, name),
            "Succeed" => new SucceedState(reader, name),
            "Fail" => new FailState(reader, name),
            "Map" => new MapState(reader, name, (graph, field) => ReadGraph(graph, name, field)),
            "Parallel" => new ParallelState(reader, name, (graph, field) => ReadGraph(graph, name, field)),
            _ => throw reader.Error("Type", $"'{type}' is not a state type (Task, Pass, Choice, Wait, Succeed, Fail, Map, Parallel)."),
        };
        reader.EnsureAllRead($"a {type} state");
        return state;
    }
}
