namespace Lakehouse.Pipelines.Expressions;

/// <summary>
/// An expression that cannot be parsed, type-checked or evaluated. The message starts with the location
/// (<c>pipeline.yaml:14:12</c> or <c>column 17</c>) and quotes the expression.
/// </summary>
public sealed class ExpressionException : LakehouseException
{
    public ExpressionException(string message, string expression, int offset)
        : base(message)
    {
        Expression = expression;
        Offset = offset;
    }

    /// <summary>The full expression text.</summary>
    public string Expression { get; }

    /// <summary>0-based offset within <see cref="Expression"/> of the problem.</summary>
    public int Offset { get; }

    internal static ExpressionException At(string text, ExpressionOrigin origin, int offset, string problem) =>
        new($"{origin.Describe(text, offset)}: {problem} (in expression \"{text}\")", text, offset);
}
