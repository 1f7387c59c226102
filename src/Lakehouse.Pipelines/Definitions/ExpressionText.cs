namespace Lakehouse.Pipelines.Definitions;

/// <summary>
/// An expression as written in the pipeline YAML, kept as text with its position; the expression language parses
/// it later and reports its errors at <see cref="Position"/>.
/// </summary>
public sealed record ExpressionText(string Text, SourcePosition Position)
{
    public override string ToString() => Text;
}
