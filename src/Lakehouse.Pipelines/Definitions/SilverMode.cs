namespace Lakehouse.Pipelines.Definitions;

/// <summary>How a silver table is written: append new rows, merge by keys (SCD type 1), or keep history (SCD type 2).</summary>
public enum SilverMode
{
    Append,
    Merge,
    Scd2,
}
