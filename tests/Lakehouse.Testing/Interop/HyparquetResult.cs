using System.Text.Json.Nodes;

namespace Lakehouse.Testing.Interop;

/// <summary>
/// What hyparquet read from a Parquet file: the schema tree, row objects (bigint → string, Date → ISO string,
/// bytes → {"$base64": ...}), the footer's row count and key-value metadata.
/// </summary>
public sealed record HyparquetResult(JsonArray Schema, JsonArray Rows, long NumRows, JsonObject Metadata);
