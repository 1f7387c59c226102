namespace Lakehouse.Pipelines.Transforms;

/// <summary>Values of the <c>status</c> field of a step summary.</summary>
public static class TransformStatus
{
    public const string Succeeded = "succeeded";

    /// <summary>No source changed since the table's watermark (or a source does not exist yet): nothing was committed.</summary>
    public const string Skipped = "skipped";

    public const string Failed = "failed";
}
