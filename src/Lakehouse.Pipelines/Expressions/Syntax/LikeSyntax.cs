namespace Lakehouse.Pipelines.Expressions.Syntax;

public sealed record LikeSyntax(SyntaxNode Value, SyntaxNode Pattern, SyntaxNode? Escape, bool Negated, int Offset) : SyntaxNode(Offset)
{
    public override string ToString() =>
        $"({Value} {(Negated ? "NOT " : string.Empty)}LIKE {Pattern}{(Escape is null ? string.Empty : $" ESCAPE {Escape}")})";
}
