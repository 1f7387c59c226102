using System.Text.Json;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Sources.Inference;

/// <summary>
/// Accumulates the shapes one JSON field takes across the sample: scalars (numbers by their literal, strings as
/// date/timestamp/string, booleans), objects (a struct of the union of their fields, in order of first appearance)
/// and arrays (their elements' common type). A field that is an object in one row and a scalar or array in another
/// becomes a string holding the JSON text; only-null or empty-object fields become strings too.
/// </summary>
internal sealed class JsonShapeNode
{
    private readonly ScalarTypeAccumulator _scalar = new();
    private JsonObjectShape? _object;
    private JsonShapeNode? _element;

    /// <summary>Observes the value at the reader (left on its last token).</summary>
    public void Observe(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return;
            case JsonTokenType.True or JsonTokenType.False:
                _scalar.Observe(ValueShape.Boolean);
                return;
            case JsonTokenType.Number:
                _scalar.Observe(TextClassifier.ClassifyNumber(reader.ValueSpan));
                return;
            case JsonTokenType.String:
                _scalar.Observe(reader.ValueIsEscaped ? ValueShape.String : TextClassifier.ClassifyTemporal(reader.ValueSpan));
                return;
            case JsonTokenType.StartObject:
                (_object ??= new JsonObjectShape()).Observe(ref reader);
                return;
            case JsonTokenType.StartArray:
                _element ??= new JsonShapeNode();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    _element.Observe(ref reader);
                }

                return;
        }
    }

    public DataType Result(bool inferDecimals)
    {
        var kinds = (_object is not null ? 1 : 0) + (_element is not null ? 1 : 0) + (_scalar.SawValue ? 1 : 0);
        if (kinds != 1)
        {
            return DataType.String;
        }

        if (_object is not null)
        {
            return _object.Result(inferDecimals, null) is { Fields.Count: > 0 } structType ? structType : DataType.String;
        }

        if (_element is not null)
        {
            return new ArrayType(_element.Result(inferDecimals));
        }

        return _scalar.Result(inferDecimals);
    }
}
