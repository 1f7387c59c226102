using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Errors;

namespace Lakehouse.Delta.Snapshots;

/// <summary>What this client supports: reader version 1 and writer versions up to 2 (appendOnly, invariants).</summary>
public static class ProtocolSupport
{
    public const int MaxReaderVersion = 1;

    public const int MaxWriterVersion = 2;

    /// <summary>Throws <see cref="DeltaProtocolException"/> unless the table can be read by a reader-version-1 client.</summary>
    public static void EnsureReadable(ProtocolAction protocol, string tableUri)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (protocol.MinReaderVersion > MaxReaderVersion)
        {
            var features = protocol.ReaderFeatures is { Count: > 0 } f ? $" (reader features: {string.Join(", ", f)})" : string.Empty;
            throw new DeltaProtocolException(
                $"{tableUri} requires Delta reader version {protocol.MinReaderVersion}{features}; this client reads reader version {MaxReaderVersion} only. " +
                "Read it with an engine that supports those features, or rewrite the table without them.");
        }
    }

    /// <summary>Throws <see cref="DeltaProtocolException"/> unless the table can be written by a writer-version-2 client.</summary>
    public static void EnsureWritable(ProtocolAction protocol, string tableUri)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        EnsureReadable(protocol, tableUri);
        if (protocol.MinWriterVersion > MaxWriterVersion)
        {
            var features = protocol.WriterFeatures is { Count: > 0 } f ? $" (writer features: {string.Join(", ", f)})" : string.Empty;
            throw new DeltaProtocolException(
                $"{tableUri} requires Delta writer version {protocol.MinWriterVersion}{features}; this client writes up to writer version {MaxWriterVersion}. " +
                "Writing could violate constraints it does not know; write with an engine that supports them.");
        }
    }
}
