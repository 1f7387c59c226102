namespace Lakehouse.Pipelines.Transforms.Gold;

/// <summary>
/// When a gold update stops being worth doing incrementally, and how a full recompute lays out its files.
/// </summary>
/// <param name="Enabled">False forces a full recompute on every update.</param>
/// <param name="MaxChangeFraction">Fall back when the source files added and removed since the watermark exceed this (a rewrite of every file is 2)
/// fraction of the sources' current size (reading the changes would cost more than reading everything).</param>
/// <param name="MaxAffectedFraction">Fall back when more than this fraction of the gold table's groups are affected ...</param>
/// <param name="AffectedFloor">... and more than this many groups are affected (small updates always go incremental).</param>
/// <param name="GroupsPerFile">A full recompute sorts the groups by key and writes files of at most this many groups,
/// so an incremental update rewrites only the files whose key ranges hold affected groups.</param>
internal sealed record GoldIncrementalPolicy(
    bool Enabled = true,
    double MaxChangeFraction = 1.5,
    double MaxAffectedFraction = 0.5,
    long AffectedFloor = 1000,
    int GroupsPerFile = 100_000)
{
    public static GoldIncrementalPolicy Default { get; } = new();
}
