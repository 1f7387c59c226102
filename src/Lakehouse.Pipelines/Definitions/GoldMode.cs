namespace Lakehouse.Pipelines.Definitions;

/// <summary>How a gold table is written: recomputed and overwritten, or merged by its group keys.</summary>
public enum GoldMode
{
    Overwrite,
    Merge,
}
