using System.Text.Json.Nodes;

namespace Lakehouse.Local.StateMachines.Choices;

internal sealed class OrRule(IReadOnlyList<ChoiceRule> rules) : ChoiceRule
{
    public override bool Evaluate(JsonNode? data, JsonNode? context) => rules.Any(r => r.Evaluate(data, context));
}
