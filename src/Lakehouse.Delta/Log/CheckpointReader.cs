using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Storage;

namespace Lakehouse.Delta.Log;

/// <summary>Reads the actions of a (possibly multi-part) checkpoint.</summary>
internal static partial class CheckpointReader
{
    public static Task<IReadOnlyList<DeltaAction>> ReadAsync(IObjectStore store, IReadOnlyList<LogFile> parts, CancellationToken cancellationToken)
    {
        throw new DeltaProtocolException($"Reading checkpoint {parts[0].Key} needs the Parquet reader, which is not available yet.");
    }
}
