using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Expressions.Binding;

/// <summary>Spark SQL type names accepted by CAST: boolean, tinyint/byte, smallint/short, int/integer, bigint/long, float/real, double, string, binary, date, timestamp, decimal[(p[,s])].</summary>
internal static class TypeNames
{
    public static bool TryParse(string name, out DataType type)
    {
        var text = name.Trim().ToLowerInvariant();
        var paren = text.IndexOf('(', StringComparison.Ordinal);
        var head = paren < 0 ? text : text[..paren];
        DataType? result = head switch
        {
            "boolean" or "bool" => DataType.Boolean,
            "tinyint" or "byte" => DataType.Byte,
            "smallint" or "short" => DataType.Short,
            "int" or "integer" => DataType.Integer,
            "bigint" or "long" => DataType.Long,
            "float" or "real" => DataType.Float,
            "double" => DataType.Double,
            "string" or "varchar" or "char" => DataType.String,
            "binary" => DataType.Binary,
            "date" => DataType.Date,
            "timestamp" or "timestamp_ltz" or "timestamp_ntz" => DataType.Timestamp,
            "decimal" or "dec" or "numeric" => paren < 0 ? new DecimalType(10, 0) : ParseDecimal(text[(paren + 1)..]),
            _ => null,
        };
        type = result!;
        return result is not null && (paren < 0 || head is "decimal" or "dec" or "numeric" or "varchar" or "char");
    }

    private static DecimalType? ParseDecimal(string arguments)
    {
        var parts = arguments.TrimEnd(')').Split(',');
        if (parts.Length is < 1 or > 2 || !int.TryParse(parts[0], out var precision))
        {
            return null;
        }

        var scale = 0;
        if (parts.Length == 2 && !int.TryParse(parts[1], out scale))
        {
            return null;
        }

        return precision is >= 1 and <= DecimalType.MaxPrecision && scale >= 0 && scale <= precision ? new DecimalType(precision, scale) : null;
    }
}
