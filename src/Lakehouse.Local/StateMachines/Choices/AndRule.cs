using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Execution;

namespace Lakehouse.Local.StateMachines.Choices;

internal sealed class AndRule(IReadOnlyList<ChoiceRule> rules) : ChoiceRule
{
    public override bool Evaluate(JsonNode? data, ContextObject? context) => rules.All(r => r.Evaluate(data, context));
}
