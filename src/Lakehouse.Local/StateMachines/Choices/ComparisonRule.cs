using System.Text.Json;
using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.DataFlow;
using Lakehouse.Local.StateMachines.Execution;
using Lakehouse.Local.StateMachines.Paths;

namespace Lakehouse.Local.StateMachines.Choices;

/// <summary>
/// A Data-test expression: <c>Variable</c> compared with a literal or (for ...Path operators) another path's value.
/// A type mismatch makes the comparison false; a Variable or operand path that names nothing is a
/// <c>States.Runtime</c> error, except for IsPresent, which tests exactly that.
/// </summary>
internal sealed class ComparisonRule(JsonPath variable, ComparisonOperator op, JsonNode? literal, JsonPath? operandPath, StringPattern? pattern)
    : ChoiceRule
{
    public override bool Evaluate(JsonNode? data, ContextObject? context)
    {
        var present = variable.TryEvaluate(data, context, out var value);
        if (op.Name == "IsPresent")
        {
            return present == Expected();
        }

        if (!present)
        {
            throw StatesError.Runtime($"Invalid path '{variable}': the Choice rule's Variable references no value in the input.");
        }

        var operand = literal;
        if (operandPath is not null && !operandPath.TryEvaluate(data, context, out operand))
        {
            throw StatesError.Runtime($"Invalid path '{operandPath}': the {op.Name} operand references no value in the input.");
        }

        return op.Kind switch
        {
            ComparisonKind.TypeTest => TypeTest(value) == Expected(),
            ComparisonKind.StringMatches => JsonValues.TryGetString(value, out var s) && pattern!.IsMatch(s),
            ComparisonKind.String => JsonValues.TryGetString(value, out var a) && JsonValues.TryGetString(operand, out var b)
                && op.Holds(string.CompareOrdinal(a, b)),
            ComparisonKind.Numeric => JsonValues.TryGetNumber(value, out var x) && JsonValues.TryGetNumber(operand, out var y)
                && op.Holds(x.CompareTo(y)),
            ComparisonKind.Boolean => JsonValues.TryGetBoolean(value, out var p) && JsonValues.TryGetBoolean(operand, out var q) && p == q,
            ComparisonKind.Timestamp => JsonValues.TryGetString(value, out var t1) && Timestamps.TryParse(t1, out var d1)
                && JsonValues.TryGetString(operand, out var t2) && Timestamps.TryParse(t2, out var d2)
                && op.Holds(d1.CompareTo(d2)),
            _ => false,
        };
    }

    private bool Expected() => JsonValues.KindOf(literal) == JsonValueKind.True;

    private bool TypeTest(JsonNode? value) => op.Name switch
    {
        "IsNull" => value is null,
        "IsNumeric" => JsonValues.KindOf(value) == JsonValueKind.Number,
        "IsString" => JsonValues.KindOf(value) == JsonValueKind.String,
        "IsBoolean" => JsonValues.KindOf(value) is JsonValueKind.True or JsonValueKind.False,
        "IsTimestamp" => JsonValues.TryGetString(value, out var s) && Timestamps.TryParse(s, out _),
        _ => false,
    };
}
