namespace Lakehouse.Pipelines.Expressions.Syntax;

/// <summary>
/// A node of the parsed (untyped) expression tree. <see cref="Offset"/> is the 0-based offset of the node's
/// first character within the expression text. <see cref="object.ToString"/> prints a fully parenthesised form.
/// </summary>
public abstract record SyntaxNode(int Offset);
