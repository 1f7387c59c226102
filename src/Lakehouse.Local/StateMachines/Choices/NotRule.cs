using System.Text.Json.Nodes;

namespace Lakehouse.Local.StateMachines.Choices;

internal sealed class NotRule(ChoiceRule rule) : ChoiceRule
{
    public override bool Evaluate(JsonNode? data, JsonNode? context) => !rule.Evaluate(data, context);
}
