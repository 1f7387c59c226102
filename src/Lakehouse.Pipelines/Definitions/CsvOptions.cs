namespace Lakehouse.Pipelines.Definitions;

/// <summary>
/// CSV dialect of a source. <paramref name="Escape"/> equal to <paramref name="Quote"/> means RFC 4180 doubled quotes;
/// a different escape (e.g. backslash) escapes the quote and itself inside quoted fields. Only UTF-8 is read (a BOM is skipped).
/// </summary>
public sealed record CsvOptions(bool Header = true, char Delimiter = ',', char Quote = '"', char Escape = '"', string NullValue = "", string Encoding = "utf-8")
{
    public static CsvOptions Default { get; } = new();
}
