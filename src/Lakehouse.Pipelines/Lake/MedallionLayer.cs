namespace Lakehouse.Pipelines.Lake;

/// <summary>The layer of a table in a pipeline.</summary>
public enum MedallionLayer
{
    Bronze,
    Silver,
    Gold,
}
