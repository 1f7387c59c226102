namespace Lakehouse.Delta.Actions;

/// <summary>The data file format of a table: always <c>parquet</c> in practice.</summary>
public sealed record FormatSpec
{
    public string Provider { get; init; } = "parquet";

    public IReadOnlyDictionary<string, string>? Options { get; init; }
}
