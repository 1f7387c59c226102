using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Execution;

namespace Lakehouse.Local.StateMachines.Choices;

/// <summary>A Choice Rule: a comparison on one variable, or And/Or/Not over nested rules.</summary>
internal abstract class ChoiceRule
{
    /// <summary>Tests the rule against the Choice state's effective input and the context object.</summary>
    public abstract bool Evaluate(JsonNode? data, ContextObject? context);
}
