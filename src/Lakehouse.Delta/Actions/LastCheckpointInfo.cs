namespace Lakehouse.Delta.Actions;

/// <summary>The content of <c>_delta_log/_last_checkpoint</c>: a hint to the newest checkpoint (never trusted blindly).</summary>
public sealed record LastCheckpointInfo
{
    public long Version { get; init; }

    public long Size { get; init; }

    public int? Parts { get; init; }

    public long? SizeInBytes { get; init; }

    public long? NumOfAddFiles { get; init; }
}
