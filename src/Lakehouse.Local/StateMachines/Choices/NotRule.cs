using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Execution;

namespace Lakehouse.Local.StateMachines.Choices;

internal sealed class NotRule(ChoiceRule rule) : ChoiceRule
{
    public override bool Evaluate(JsonNode? data, ContextObject? context) => !rule.Evaluate(data, context);
}
