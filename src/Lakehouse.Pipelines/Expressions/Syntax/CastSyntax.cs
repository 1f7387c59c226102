namespace Lakehouse.Pipelines.Expressions.Syntax;

/// <summary><c>CAST(x AS type)</c> or <c>TRY_CAST(x AS type)</c>; <see cref="TypeName"/> as written, <see cref="TypeOffset"/> where.</summary>
public sealed record CastSyntax(SyntaxNode Operand, string TypeName, int TypeOffset, bool IsTry, int Offset) : SyntaxNode(Offset)
{
    public override string ToString() => $"{(IsTry ? "TRY_CAST" : "CAST")}({Operand} AS {TypeName})";
}
