namespace Lakehouse.Local.StateMachines.Choices;

/// <summary>
/// One Choice comparison operator, decoded from its name: kind (String, Numeric, ...), relation (Equals,
/// LessThan, ...) and whether its operand is a path (the <c>...Path</c> variants).
/// </summary>
internal sealed record ComparisonOperator(string Name, ComparisonKind Kind, string Relation, bool OperandIsPath)
{
    private static readonly string[] Relations = ["Equals", "LessThanEquals", "GreaterThanEquals", "LessThan", "GreaterThan"];
    private static readonly string[] TypeTests = ["IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"];

    /// <summary>Decodes an operator name; false when the name is not a comparison operator.</summary>
    public static bool TryParse(string name, out ComparisonOperator op)
    {
        op = null!;
        if (TypeTests.Contains(name))
        {
            op = new ComparisonOperator(name, ComparisonKind.TypeTest, name, false);
            return true;
        }

        if (name == "StringMatches")
        {
            op = new ComparisonOperator(name, ComparisonKind.StringMatches, "Matches", false);
            return true;
        }

        var isPath = name.EndsWith("Path", StringComparison.Ordinal);
        var core = isPath ? name[..^4] : name;
        foreach (var (prefix, kind) in new[] { ("String", ComparisonKind.String), ("Numeric", ComparisonKind.Numeric), ("Boolean", ComparisonKind.Boolean), ("Timestamp", ComparisonKind.Timestamp) })
        {
            if (core.StartsWith(prefix, StringComparison.Ordinal))
            {
                var relation = core[prefix.Length..];
                if (Relations.Contains(relation) && (kind != ComparisonKind.Boolean || relation == "Equals"))
                {
                    op = new ComparisonOperator(name, kind, relation, isPath);
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Applies the relation to a three-way comparison result.</summary>
    public bool Holds(int comparison) => Relation switch
    {
        "Equals" => comparison == 0,
        "LessThan" => comparison < 0,
        "GreaterThan" => comparison > 0,
        "LessThanEquals" => comparison <= 0,
        "GreaterThanEquals" => comparison >= 0,
        _ => false,
    };
}
