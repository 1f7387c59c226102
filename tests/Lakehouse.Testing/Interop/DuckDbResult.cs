using System.Text.Json.Nodes;

namespace Lakehouse.Testing.Interop;

/// <summary>A DuckDB result in JSON form: column names, DuckDB type names and rows (BIGINT, DECIMAL, DATE as strings).</summary>
public sealed record DuckDbResult(IReadOnlyList<string> Columns, IReadOnlyList<string> Types, JsonArray Rows)
{
    /// <summary>Cell <paramref name="column"/> of row <paramref name="row"/>.</summary>
    public JsonNode? this[int row, string column] => Rows[row]![Columns.ToList().IndexOf(column)];
}
