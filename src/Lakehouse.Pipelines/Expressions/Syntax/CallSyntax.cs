namespace Lakehouse.Pipelines.Expressions.Syntax;

/// <summary>A function call. <see cref="IsStar"/> for <c>count(*)</c>; <see cref="Distinct"/> for <c>count(DISTINCT x)</c>.</summary>
public sealed record CallSyntax(string Name, IReadOnlyList<SyntaxNode> Arguments, bool IsStar, bool Distinct, int Offset) : SyntaxNode(Offset)
{
    public override string ToString() =>
        $"{Name.ToLowerInvariant()}({(IsStar ? "*" : (Distinct ? "DISTINCT " : string.Empty) + string.Join(", ", Arguments))})";
}
