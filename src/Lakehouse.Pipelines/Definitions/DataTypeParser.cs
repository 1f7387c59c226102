using System.Diagnostics.CodeAnalysis;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Definitions;

/// <summary>
/// Parses Spark/Delta type strings (<c>long</c>, <c>decimal(10,2)</c>, <c>array&lt;string&gt;</c>,
/// <c>map&lt;string,int&gt;</c>, <c>struct&lt;a:int, b:string&gt;</c>) into the columnar <see cref="DataType"/> model.
/// Names are case-insensitive; aliases follow Spark SQL (<c>bigint</c>, <c>int</c>, <c>smallint</c>, <c>tinyint</c>).
/// </summary>
public static class DataTypeParser
{
    /// <summary>The type names accepted, for error messages.</summary>
    public const string AllowedTypes =
        "boolean, byte/tinyint, short/smallint, int/integer, long/bigint, float, double, string, binary, date, timestamp, " +
        "decimal(p,s), array<type>, map<keyType,valueType>, struct<name:type,...>";

    /// <summary>Parses <paramref name="text"/>; on failure returns false with a message and the 0-based character offset of the problem.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out DataType? type, [NotNullWhen(false)] out string? error, out int errorOffset)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cursor = new Cursor(text);
        type = null;
        if (!cursor.TryType(out var parsed) || !cursor.AtEnd())
        {
            error = cursor.Error ?? $"unexpected '{text[cursor.Position..]}' after the type";
            errorOffset = cursor.Position;
            return false;
        }

        type = parsed;
        error = null;
        errorOffset = 0;
        return true;
    }

    /// <summary>Parses <paramref name="text"/> or throws <see cref="FormatException"/>.</summary>
    public static DataType Parse(string text) =>
        TryParse(text, out var type, out var error, out var offset)
            ? type
            : throw new FormatException($"Invalid type '{text}' at character {offset + 1}: {error}. Allowed: {AllowedTypes}.");

    private sealed class Cursor(string text)
    {
        public int Position { get; private set; }

        public string? Error { get; private set; }

        public bool AtEnd()
        {
            SkipSpaces();
            return Position == text.Length;
        }

        public bool TryType([NotNullWhen(true)] out DataType? type)
        {
            type = null;
            SkipSpaces();
            var start = Position;
            var name = Identifier();
            if (name.Length == 0)
            {
                return Fail(start, "expected a type name");
            }

            switch (name.ToLowerInvariant())
            {
                case "boolean" or "bool": type = DataType.Boolean; return true;
                case "byte" or "tinyint": type = DataType.Byte; return true;
                case "short" or "smallint": type = DataType.Short; return true;
                case "int" or "integer": type = DataType.Integer; return true;
                case "long" or "bigint": type = DataType.Long; return true;
                case "float" or "real": type = DataType.Float; return true;
                case "double": type = DataType.Double; return true;
                case "string" or "varchar" or "text": type = DataType.String; return true;
                case "binary": type = DataType.Binary; return true;
                case "date": type = DataType.Date; return true;
                case "timestamp": type = DataType.Timestamp; return true;
                case "decimal" or "dec" or "numeric": return TryDecimal(out type);
                case "array":
                    if (!Expect('<') || !TryType(out var element) || !Expect('>'))
                    {
                        return false;
                    }

                    type = new ArrayType(element);
                    return true;
                case "map":
                    if (!Expect('<') || !TryType(out var key) || !Expect(',') || !TryType(out var value) || !Expect('>'))
                    {
                        return false;
                    }

                    type = new MapType(key, value);
                    return true;
                case "struct":
                    return TryStruct(out type);
                default:
                    return Fail(start, $"unknown type '{name}'");
            }
        }

        private bool TryDecimal([NotNullWhen(true)] out DataType? type)
        {
            type = null;
            SkipSpaces();
            if (Position >= text.Length || text[Position] != '(')
            {
                type = new DecimalType(10, 0); // Spark's default for a bare DECIMAL
                return true;
            }

            Position++;
            var start = Position;
            if (!TryInt(out var precision))
            {
                return false;
            }

            var scale = 0;
            SkipSpaces();
            if (Position < text.Length && text[Position] == ',')
            {
                Position++;
                if (!TryInt(out scale))
                {
                    return false;
                }
            }

            if (!Expect(')'))
            {
                return false;
            }

            if (precision is < 1 or > DecimalType.MaxPrecision || scale < 0 || scale > precision)
            {
                return Fail(start, $"decimal({precision},{scale}) is out of range: precision must be 1 to 38 and scale 0 to the precision");
            }

            type = new DecimalType(precision, scale);
            return true;
        }

        private bool TryStruct([NotNullWhen(true)] out DataType? type)
        {
            type = null;
            if (!Expect('<'))
            {
                return false;
            }

            var fields = new List<StructField>();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            SkipSpaces();
            if (Position < text.Length && text[Position] == '>')
            {
                Position++;
                type = new StructType(fields);
                return true;
            }

            while (true)
            {
                SkipSpaces();
                var start = Position;
                var name = FieldName();
                if (name.Length == 0)
                {
                    return Fail(start, "expected a field name");
                }

                if (!names.Add(name))
                {
                    return Fail(start, $"duplicate struct field '{name}'");
                }

                if (!Expect(':') || !TryType(out var fieldType))
                {
                    return false;
                }

                fields.Add(new StructField(name, fieldType));
                SkipSpaces();
                if (Position < text.Length && text[Position] == ',')
                {
                    Position++;
                    continue;
                }

                if (!Expect('>'))
                {
                    return false;
                }

                type = new StructType(fields);
                return true;
            }
        }

        private bool TryInt(out int value)
        {
            SkipSpaces();
            var start = Position;
            while (Position < text.Length && char.IsAsciiDigit(text[Position]))
            {
                Position++;
            }

            if (Position == start || !int.TryParse(text.AsSpan(start, Position - start), System.Globalization.CultureInfo.InvariantCulture, out value))
            {
                value = 0;
                return Fail(start, "expected a number");
            }

            return true;
        }

        private string FieldName()
        {
            if (Position < text.Length && text[Position] == '`')
            {
                var end = text.IndexOf('`', Position + 1);
                if (end < 0)
                {
                    return string.Empty;
                }

                var quoted = text[(Position + 1)..end];
                Position = end + 1;
                return quoted;
            }

            return Identifier();
        }

        private string Identifier()
        {
            var start = Position;
            while (Position < text.Length && (char.IsAsciiLetterOrDigit(text[Position]) || text[Position] == '_'))
            {
                Position++;
            }

            return text[start..Position];
        }

        private bool Expect(char c)
        {
            SkipSpaces();
            if (Position < text.Length && text[Position] == c)
            {
                Position++;
                return true;
            }

            return Fail(Position, $"expected '{c}'");
        }

        private void SkipSpaces()
        {
            while (Position < text.Length && char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }
        }

        private bool Fail(int position, string message)
        {
            Position = position;
            Error ??= message;
            return false;
        }
    }
}
