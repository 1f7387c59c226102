using System.Text.Json;
using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Choices;
using Lakehouse.Local.StateMachines.DataFlow;

namespace Lakehouse.Local.StateMachines.Definition;

/// <summary>Parses Choice Rules: And/Or/Not over nested rules, or a Variable with exactly one comparison operator.</summary>
internal static class ChoiceRuleReader
{
    public static ChoiceBranch ReadTopLevel(JsonArray choices, int index, string? state)
    {
        var reader = ErrorMatcher.ReaderAt(choices, index, state, "Choices");
        var next = reader.RequiredString("Next");
        var rule = Read(reader, $"Choices[{index}]");
        reader.EnsureAllRead("a Choice Rule");
        return new ChoiceBranch(rule, next);
    }

    private static ChoiceRule Read(FieldReader reader, string where)
    {
        reader.Has("Comment");
        if (reader.Has("And") || reader.Has("Or"))
        {
            var isAnd = reader.Raw("And") is not null;
            var name = isAnd ? "And" : "Or";
            var array = reader.Array(name);
            if (array is null || array.Count == 0)
            {
                throw reader.Error(name, "must be a non-empty array of Choice Rules.");
            }

            var rules = array.Select((_, i) => ReadNested(array, i, reader.State, $"{where}.{name}")).ToArray();
            return isAnd ? new AndRule(rules) : new OrRule(rules);
        }

        if (reader.Has("Not"))
        {
            var nested = reader.Object("Not")!;
            var notReader = new FieldReader(nested, reader.State, $"{where}.Not.");
            var rule = Read(notReader, $"{where}.Not");
            notReader.EnsureAllRead("a nested Choice Rule");
            return new NotRule(rule);
        }

        var variable = reader.OptionalPath("Variable", referenceOnly: false)
            ?? throw reader.Error("Variable", "is required in a comparison (or use And, Or, Not).");
        return ReadComparison(reader, variable);
    }

    private static ChoiceRule ReadNested(JsonArray array, int index, string? state, string where)
    {
        var reader = ErrorMatcher.ReaderAt(array, index, state, where);
        if (reader.Has("Next"))
        {
            throw reader.Error("Next", "only top-level Choice Rules may have Next.");
        }

        var rule = Read(reader, $"{where}[{index}]");
        reader.EnsureAllRead("a nested Choice Rule");
        return rule;
    }

    private static ComparisonRule ReadComparison(FieldReader reader, Paths.JsonPath variable)
    {
        ComparisonOperator? found = null;
        JsonNode? operand = null;
        foreach (var name in OperatorNames())
        {
            if (!reader.Has(name))
            {
                continue;
            }

            if (found is not null)
            {
                throw reader.Error(name, $"a comparison has exactly one operator; '{found.Name}' is already given.");
            }

            _ = ComparisonOperator.TryParse(name, out found);
            operand = reader.Raw(name);
        }

        if (found is null)
        {
            throw reader.Error("Variable", "a comparison needs one operator such as StringEquals, NumericLessThan, IsPresent.");
        }

        if (found.OperandIsPath)
        {
            var path = reader.OptionalPath(found.Name, referenceOnly: false)!;
            return new ComparisonRule(variable, found, null, path, null);
        }

        var kind = JsonValues.KindOf(operand);
        var valid = found.Kind switch
        {
            ComparisonKind.String or ComparisonKind.StringMatches => kind == JsonValueKind.String,
            ComparisonKind.Numeric => kind == JsonValueKind.Number,
            ComparisonKind.Boolean or ComparisonKind.TypeTest => kind is JsonValueKind.True or JsonValueKind.False,
            ComparisonKind.Timestamp => JsonValues.TryGetString(operand, out var t) && Timestamps.TryParse(t, out _),
            _ => false,
        };
        if (!valid)
        {
            throw reader.Error(found.Name, $"has an operand of the wrong type ({JsonValues.Compact(operand)}).");
        }

        var pattern = found.Kind == ComparisonKind.StringMatches && JsonValues.TryGetString(operand, out var p) ? new StringPattern(p) : null;
        return new ComparisonRule(variable, found, operand?.DeepClone(), null, pattern);
    }

    private static IEnumerable<string> OperatorNames()
    {
        foreach (var prefix in new[] { "String", "Numeric", "Timestamp" })
        {
            foreach (var relation in new[] { "Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals" })
            {
                yield return prefix + relation;
                yield return prefix + relation + "Path";
            }
        }

        yield return "BooleanEquals";
        yield return "BooleanEqualsPath";
        yield return "StringMatches";
        foreach (var test in new[] { "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp" })
        {
            yield return test;
        }
    }
}
