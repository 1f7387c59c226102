namespace Lakehouse.Cli.Output;

/// <summary>How <c>table read</c> prints rows.</summary>
internal enum RowFormat
{
    Jsonl,
    Csv,
    Table,
}
