using System.Text.Json;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Sources.Inference;

/// <summary>The fields seen in a JSON object across the sample, in order of first appearance (names matched ignoring case).</summary>
internal sealed class JsonObjectShape
{
    private readonly List<(string Name, JsonShapeNode Node)> _fields = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Observes the object whose StartObject the reader is on (left on its EndObject).</summary>
    public void Observe(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!_index.TryGetValue(name, out var i))
            {
                i = _fields.Count;
                _index[name] = i;
                _fields.Add((name, new JsonShapeNode()));
            }

            reader.Read();
            _fields[i].Node.Observe(ref reader);
        }
    }

    /// <summary>The struct of the observed fields, leaving out <paramref name="excluded"/> names.</summary>
    public StructType Result(bool inferDecimals, IReadOnlySet<string>? excluded) =>
        new(_fields.Where(f => excluded is null || !excluded.Contains(f.Name)).Select(f => new StructField(f.Name, f.Node.Result(inferDecimals))));
}
