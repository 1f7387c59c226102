using System.Text.Json.Serialization;
using Lakehouse.Delta.Schema;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Actions;

/// <summary>The <c>metaData</c> action: table id, schema (Spark StructType JSON), partition columns and configuration.</summary>
public sealed record MetadataAction : DeltaAction
{
    private StructType? _schema;
    private string _schemaString = string.Empty;

    public string Id { get; init; } = string.Empty;

    public string? Name { get; init; }

    public string? Description { get; init; }

    public FormatSpec Format { get; init; } = new();

    /// <summary>The schema as Spark StructType JSON. Setting it (also through <c>with</c>) drops the parsed cache.</summary>
    public string SchemaString
    {
        get => _schemaString;
        init
        {
            _schemaString = value;
            _schema = null;
        }
    }

    public IReadOnlyList<string> PartitionColumns { get; init; } = [];

    public IReadOnlyDictionary<string, string>? Configuration { get; init; }

    public long? CreatedTime { get; init; }

    /// <summary>The parsed <see cref="SchemaString"/> (cached).</summary>
    [JsonIgnore]
    public StructType Schema => _schema ??= SchemaJson.Parse(SchemaString);

    /// <summary>A configuration value, or null.</summary>
    public string? GetConfiguration(string key) =>
        Configuration is not null && Configuration.TryGetValue(key, out var v) ? v : null;
}
