using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Execution;

namespace Lakehouse.Local.StateMachines.Choices;

internal sealed class OrRule(IReadOnlyList<ChoiceRule> rules) : ChoiceRule
{
    public override bool Evaluate(JsonNode? data, ContextObject? context) => rules.Any(r => r.Evaluate(data, context));
}
