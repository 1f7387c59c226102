using Lakehouse.Delta;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Pipelines.Definitions;

namespace Lakehouse.Pipelines.Transforms.Gold;

/// <summary>One source of a gold table in this update: its latest snapshot, the version gold last consumed (null when never) and the plan compiled against its schema.</summary>
internal sealed record GoldSource(TableReference Reference, DeltaTable Table, Snapshot Snapshot, long? Watermark, GoldPlan Plan);
