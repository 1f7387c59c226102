namespace Lakehouse.Pipelines.Definitions;

/// <summary>A place in a pipeline definition file (1-based line and column), so errors can point into the YAML.</summary>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
