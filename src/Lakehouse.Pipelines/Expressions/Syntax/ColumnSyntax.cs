namespace Lakehouse.Pipelines.Expressions.Syntax;

/// <summary>A column reference; <see cref="Path"/> has more than one part for struct fields (<c>address.city</c>).</summary>
public sealed record ColumnSyntax(IReadOnlyList<string> Path, int Offset) : SyntaxNode(Offset)
{
    public string Name => string.Join('.', Path);

    public override string ToString() => string.Join('.', Path.Select(p => $"`{p}`"));
}
