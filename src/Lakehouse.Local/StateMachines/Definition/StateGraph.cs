namespace Lakehouse.Local.StateMachines.Definition;

/// <summary>A set of states with a start: the whole machine, a Map's ItemProcessor, or a Parallel branch.</summary>
internal sealed record StateGraph(string StartAt, IReadOnlyDictionary<string, StateNode> States);
