namespace Lakehouse.Delta.Log;

/// <summary>The kinds of files in <c>_delta_log/</c> this library uses; everything else is ignored.</summary>
public enum LogFileKind
{
    Commit,
    Checkpoint,
    MultiPartCheckpoint,
}
