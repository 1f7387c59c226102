namespace Lakehouse.Local.StateMachines.Choices;

/// <summary>The value family a comparison operator works on.</summary>
internal enum ComparisonKind
{
    String,
    Numeric,
    Boolean,
    Timestamp,
    StringMatches,
    TypeTest,
}
