using Lakehouse.Parquet.Data;
using Lakehouse.Parquet.Meta;

namespace Lakehouse.Parquet.Schema;

/// <summary>
/// Maps a <see cref="StructType"/> to the Parquet schema we write: INT64 TIMESTAMP(UTC, MICROS), DECIMAL on the
/// narrowest physical type, standard three-level LIST and MAP groups (parquet-format LogicalTypes.md).
/// </summary>
internal static class SchemaWriterMapping
{
    public static ParquetSchema Build(StructType schema)
    {
        var elements = new List<SchemaElement> { new() { Name = "schema", NumChildren = schema.Fields.Count } };
        var leaves = new List<ColumnDescriptor>();
        var fields = new List<FieldNode>();
        foreach (var field in schema.Fields)
        {
            fields.Add(Add(field.Name, field.Type, field.Nullable, elements, leaves, [], 0, 0));
        }

        return new ParquetSchema(schema, fields, leaves, elements);
    }

    private static FieldNode Add(
        string name, DataType type, bool nullable, List<SchemaElement> elements, List<ColumnDescriptor> leaves, List<string> parentPath, int parentDef, int parentRep)
    {
        var path = new List<string>(parentPath) { name };
        var repetition = nullable ? Repetition.Optional : Repetition.Required;
        var def = parentDef + (nullable ? 1 : 0);
        var firstLeaf = leaves.Count;
        switch (type)
        {
            case StructType st:
            {
                elements.Add(new SchemaElement { Name = name, RepetitionType = repetition, NumChildren = st.Fields.Count });
                var children = st.Fields.Select(f => Add(f.Name, f.Type, f.Nullable, elements, leaves, path, def, parentRep)).ToList();
                return Node(name, type, NodeKind.Struct, nullable, def, children, firstLeaf, leaves.Count);
            }

            case ArrayType at:
            {
                elements.Add(new SchemaElement
                {
                    Name = name, RepetitionType = repetition, NumChildren = 1, ConvertedType = ConvertedType.List,
                    LogicalType = new LogicalType { Kind = LogicalTypeKind.List },
                });
                elements.Add(new SchemaElement { Name = "list", RepetitionType = Repetition.Repeated, NumChildren = 1 });
                path.Add("list");
                var element = Add("element", at.ElementType, at.ContainsNull, elements, leaves, path, def + 1, parentRep + 1);
                var node = Node(name, type, NodeKind.List, nullable, def, [element], firstLeaf, leaves.Count);
                node.EntryDefLevel = def + 1;
                node.RepLevel = parentRep + 1;
                return node;
            }

            case MapType mt:
            {
                elements.Add(new SchemaElement
                {
                    Name = name, RepetitionType = repetition, NumChildren = 1, ConvertedType = ConvertedType.Map,
                    LogicalType = new LogicalType { Kind = LogicalTypeKind.Map },
                });
                elements.Add(new SchemaElement { Name = "key_value", RepetitionType = Repetition.Repeated, NumChildren = 2 });
                path.Add("key_value");
                var key = Add("key", mt.KeyType, false, elements, leaves, path, def + 1, parentRep + 1);
                var value = Add("value", mt.ValueType, mt.ValueContainsNull, elements, leaves, path, def + 1, parentRep + 1);
                var node = Node(name, type, NodeKind.Map, nullable, def, [key, value], firstLeaf, leaves.Count);
                node.EntryDefLevel = def + 1;
                node.RepLevel = parentRep + 1;
                return node;
            }

            default:
            {
                var element = new SchemaElement { Name = name, RepetitionType = repetition };
                Annotate(element, type);
                elements.Add(element);
                leaves.Add(new ColumnDescriptor
                {
                    Path = path, MaxDef = def, MaxRep = parentRep, Physical = element.Type!.Value,
                    TypeLength = element.TypeLength ?? 0, Type = type,
                    Conversion = type is DecimalType ? ValueConversion.Decimal : ValueConversion.None,
                });
                var node = Node(name, type, NodeKind.Primitive, nullable, def, [], firstLeaf, leaves.Count);
                node.LeafIndex = firstLeaf;
                return node;
            }
        }
    }

    private static FieldNode Node(string name, DataType type, NodeKind kind, bool optional, int def, IReadOnlyList<FieldNode> children, int first, int end) =>
        new() { Name = name, Type = type, Kind = kind, Optional = optional, DefLevel = def, Children = children, FirstLeaf = first, EndLeaf = end };

    private static void Annotate(SchemaElement e, DataType type)
    {
        switch (type.Kind)
        {
            case TypeKind.Boolean: e.Type = PhysicalType.Boolean; break;
            case TypeKind.Byte: Int(e, 8, ConvertedType.Int8); break;
            case TypeKind.Short: Int(e, 16, ConvertedType.Int16); break;
            case TypeKind.Integer: e.Type = PhysicalType.Int32; break;
            case TypeKind.Long: e.Type = PhysicalType.Int64; break;
            case TypeKind.Float: e.Type = PhysicalType.Float; break;
            case TypeKind.Double: e.Type = PhysicalType.Double; break;
            case TypeKind.String:
                e.Type = PhysicalType.ByteArray;
                e.ConvertedType = ConvertedType.Utf8;
                e.LogicalType = new LogicalType { Kind = LogicalTypeKind.String };
                break;
            case TypeKind.Binary: e.Type = PhysicalType.ByteArray; break;
            case TypeKind.Date:
                e.Type = PhysicalType.Int32;
                e.ConvertedType = ConvertedType.Date;
                e.LogicalType = new LogicalType { Kind = LogicalTypeKind.Date };
                break;
            case TypeKind.Timestamp:
                e.Type = PhysicalType.Int64;
                e.ConvertedType = ConvertedType.TimestampMicros;
                e.LogicalType = new LogicalType { Kind = LogicalTypeKind.Timestamp, IsAdjustedToUtc = true, Unit = TimeUnit.Micros };
                break;
            case TypeKind.Decimal:
                var d = (DecimalType)type;
                e.Type = d.Precision <= 9 ? PhysicalType.Int32 : d.Precision <= 18 ? PhysicalType.Int64 : PhysicalType.FixedLenByteArray;
                if (e.Type == PhysicalType.FixedLenByteArray)
                {
                    e.TypeLength = DecimalBytes(d.Precision);
                }

                e.ConvertedType = ConvertedType.Decimal;
                e.Scale = d.Scale;
                e.Precision = d.Precision;
                e.LogicalType = new LogicalType { Kind = LogicalTypeKind.Decimal, Scale = d.Scale, Precision = d.Precision };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Not a primitive type.");
        }
    }

    private static void Int(SchemaElement e, int bits, ConvertedType converted)
    {
        e.Type = PhysicalType.Int32;
        e.ConvertedType = converted;
        e.LogicalType = new LogicalType { Kind = LogicalTypeKind.Integer, BitWidth = bits, IsSigned = true };
    }

    /// <summary>Smallest two's-complement width holding every unscaled value of <paramref name="precision"/> digits.</summary>
    public static int DecimalBytes(int precision)
    {
        var max = System.Numerics.BigInteger.Pow(10, precision);
        for (var n = 1; n <= 16; n++)
        {
            if (System.Numerics.BigInteger.One << ((8 * n) - 1) >= max)
            {
                return n;
            }
        }

        return 16;
    }
}
