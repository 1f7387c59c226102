namespace Lakehouse.Delta.Actions;

/// <summary>The <c>protocol</c> action: the minimum reader and writer versions a client needs for this table.</summary>
public sealed record ProtocolAction : DeltaAction
{
    /// <summary>Reader version 1 and writer version 2: what this library writes (appendOnly and invariants honoured).</summary>
    public static readonly ProtocolAction Default = new() { MinReaderVersion = 1, MinWriterVersion = 2 };

    public int MinReaderVersion { get; init; }

    public int MinWriterVersion { get; init; }

    /// <summary>Reader features (reader version 3 only).</summary>
    public IReadOnlyList<string>? ReaderFeatures { get; init; }

    /// <summary>Writer features (writer version 7 only).</summary>
    public IReadOnlyList<string>? WriterFeatures { get; init; }
}
