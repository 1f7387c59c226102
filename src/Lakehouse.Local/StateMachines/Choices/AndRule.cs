using System.Text.Json.Nodes;

namespace Lakehouse.Local.StateMachines.Choices;

internal sealed class AndRule(IReadOnlyList<ChoiceRule> rules) : ChoiceRule
{
    public override bool Evaluate(JsonNode? data, JsonNode? context) => rules.All(r => r.Evaluate(data, context));
}
