namespace Lakehouse.Pipelines.Definitions;

/// <summary>A <c>from</c> reference to another table of the pipeline, with its position for error messages.</summary>
public sealed record TableReference(string Name, SourcePosition Position)
{
    public override string ToString() => Name;
}
