using System.Text.Json;

namespace Lakehouse.Pipelines.Sources.Csv;

/// <summary>
/// How the columns of one CSV file land in the output (shared, read-only, by every parsing thread):
/// <paramref name="FileToOutput"/> maps a file column to an output column or -1 (rescued under <paramref name="Keys"/>);
/// <paramref name="UnmappedOutputs"/> are output data columns the file does not have (always null).
/// </summary>
internal sealed record CsvColumnPlan(int FileColumns, int[] FileToOutput, int[] UnmappedOutputs, JsonEncodedText[] Keys, byte[] NullValue);
