namespace Lakehouse.Pipelines.Transforms.Silver.Merge;

/// <summary>What the SCD1 merge learned about one incoming key while reading tombstones and the target's files.</summary>
[Flags]
internal enum Scd1KeyState : byte
{
    None = 0,

    /// <summary>A tombstone at least as new as the change exists: the change is ignored.</summary>
    Blocked = 1,

    /// <summary>The target holds a row with this key.</summary>
    Existed = 2,

    /// <summary>The target holds a row of this key at least as new as the change: the change is ignored.</summary>
    Superseded = 4,
}
