using System.Text.Json.Nodes;

namespace Lakehouse.Local.StateMachines.Definition;

/// <summary>A state's output and the state to run next (null when the state ends its graph).</summary>
internal readonly record struct StateResult(JsonNode? Output, string? Next);
