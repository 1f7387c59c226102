using Lakehouse.Parquet.Data;
using Lakehouse.Parquet.Meta;

namespace Lakehouse.Parquet.Schema;

/// <summary>
/// Maps a footer schema to our model, following parquet-format LogicalTypes.md including its backward-compatibility
/// rules: two-level lists, repeated fields without LIST annotation, <c>array</c>/<c>*_tuple</c> element groups, and map
/// groups named <c>key_value</c>, <c>map</c> or <c>entries</c>.
/// </summary>
internal sealed class SchemaReaderMapping
{
    private const int MaxLevel = 255;
    private readonly IReadOnlyList<SchemaElement> _elements;
    private readonly List<ColumnDescriptor> _leaves = [];
    private readonly string _file;
    private int _next;

    private SchemaReaderMapping(IReadOnlyList<SchemaElement> elements, string file)
    {
        _elements = elements;
        _file = file;
    }

    public static ParquetSchema Build(IReadOnlyList<SchemaElement> elements, string file)
    {
        if (elements.Count == 0)
        {
            throw new ParquetFormatException($"{file}: the footer has an empty schema. The file is corrupt; rewrite it.");
        }

        var mapping = new SchemaReaderMapping(elements, file);
        var root = elements[0];
        mapping._next = 1;
        var count = root.NumChildren ?? 0;
        var fields = new List<FieldNode>();
        var structFields = new List<StructField>();
        for (var i = 0; i < count; i++)
        {
            var node = mapping.Field([], 0, 0);
            fields.Add(node);
            structFields.Add(new StructField(node.Name, node.Type, node.Optional));
        }

        if (mapping._next != elements.Count)
        {
            throw new ParquetFormatException($"{file}: the footer schema has {elements.Count} elements but its tree uses {mapping._next}. The file is corrupt.");
        }

        StructType type;
        try
        {
            type = new StructType(structFields);
        }
        catch (ArgumentException ex)
        {
            throw new ParquetFormatException($"{file}: {ex.Message}", ex);
        }

        return new ParquetSchema(type, fields, mapping._leaves, elements);
    }

    private SchemaElement Take()
    {
        if (_next >= _elements.Count)
        {
            throw new ParquetFormatException($"{_file}: the footer schema declares more children than it has elements. The file is corrupt.");
        }

        return _elements[_next++];
    }

    private FieldNode Field(List<string> parentPath, int parentDef, int parentRep)
    {
        var e = Take();
        var path = new List<string>(parentPath) { e.Name };
        if (parentDef > MaxLevel || parentRep > MaxLevel)
        {
            throw new ParquetFormatException($"{_file}: column '{string.Join('.', path)}' is nested more than {MaxLevel} levels deep.");
        }

        if (e.RepetitionType == Repetition.Repeated)
        {
            // A repeated field outside a LIST group: a required list of required elements.
            var entryDef = parentDef + 1;
            var element = Element(e, path, entryDef, parentRep + 1);
            return ListNode(e.Name, false, parentDef, parentRep + 1, element, element.FirstLeaf);
        }

        return Element(e, path, parentDef, parentRep);
    }

    /// <summary>Maps element <paramref name="e"/> (already taken) treating it as non-repeated.</summary>
    private FieldNode Element(SchemaElement e, List<string> path, int parentDef, int parentRep)
    {
        var optional = e.RepetitionType == Repetition.Optional;
        var def = parentDef + (optional ? 1 : 0);
        var firstLeaf = _leaves.Count;
        if (e.NumChildren is null or 0 && e.Type is not null)
        {
            var leaf = PrimitiveMapping.Describe(e, path, def, parentRep, _file);
            _leaves.Add(leaf);
            return new FieldNode
            {
                Name = e.Name, Type = leaf.Type, Kind = NodeKind.Primitive, Optional = optional, DefLevel = def,
                LeafIndex = firstLeaf, FirstLeaf = firstLeaf, EndLeaf = firstLeaf + 1,
            };
        }

        var childCount = e.NumChildren ?? 0;
        if (childCount <= 0 || childCount > _elements.Count)
        {
            throw new ParquetFormatException($"{_file}: group '{string.Join('.', path)}' has {childCount} children. The file is corrupt.");
        }

        var isList = e.LogicalType?.Kind == LogicalTypeKind.List || e.ConvertedType == ConvertedType.List;
        var isMap = e.LogicalType?.Kind == LogicalTypeKind.Map || e.ConvertedType is ConvertedType.Map or ConvertedType.MapKeyValue;
        if ((isList || isMap) && childCount == 1 && _next < _elements.Count && _elements[_next].RepetitionType == Repetition.Repeated)
        {
            return isList ? ListGroup(e, path, optional, def, parentRep) : MapGroup(e, path, optional, def, parentRep);
        }

        if (childCount == 1 && LooksLikeMap(_next))
        {
            return MapGroup(e, path, optional, def, parentRep);
        }

        var children = new List<FieldNode>();
        var fields = new List<StructField>();
        for (var i = 0; i < childCount; i++)
        {
            var child = Field(path, def, parentRep);
            children.Add(child);
            fields.Add(new StructField(child.Name, child.Type, child.Optional));
        }

        StructType type;
        try
        {
            type = new StructType(fields);
        }
        catch (ArgumentException ex)
        {
            throw new ParquetFormatException($"{_file}: group '{string.Join('.', path)}': {ex.Message}", ex);
        }

        return new FieldNode
        {
            Name = e.Name, Type = type, Kind = NodeKind.Struct, Optional = optional, DefLevel = def, Children = children,
            FirstLeaf = firstLeaf, EndLeaf = _leaves.Count,
        };
    }

    private bool LooksLikeMap(int index)
    {
        if (index >= _elements.Count)
        {
            return false;
        }

        var r = _elements[index];
        return r.RepetitionType == Repetition.Repeated && r.NumChildren == 2 && r.Name is "key_value" or "map" or "entries"
            && index + 1 < _elements.Count && string.Equals(_elements[index + 1].Name, "key", StringComparison.Ordinal);
    }

    private FieldNode ListGroup(SchemaElement e, List<string> path, bool optional, int def, int parentRep)
    {
        var repeated = Take();
        var rep = parentRep + 1;
        var entryDef = def + 1;
        var repeatedPath = new List<string>(path) { repeated.Name };
        var firstLeaf = _leaves.Count;
        FieldNode element;
        var repeatedChildren = repeated.NumChildren ?? 0;
        if (repeatedChildren == 0 || repeatedChildren > 1 || repeated.Name == "array" || repeated.Name == e.Name + "_tuple")
        {
            // Two-level forms: the repeated field itself is the (required) element.
            element = Element(repeated, repeatedPath, entryDef, rep);
        }
        else
        {
            element = Field(repeatedPath, entryDef, rep);
        }

        return ListNode(e.Name, optional, def, rep, element, firstLeaf);
    }

    private FieldNode ListNode(string name, bool optional, int def, int rep, FieldNode element, int firstLeaf) => new()
    {
        Name = name, Type = new ArrayType(element.Type, element.Optional), Kind = NodeKind.List,
        Optional = optional, DefLevel = def, EntryDefLevel = def + 1, RepLevel = rep, Children = [element],
        FirstLeaf = firstLeaf, EndLeaf = _leaves.Count,
    };

    private FieldNode MapGroup(SchemaElement e, List<string> path, bool optional, int def, int parentRep)
    {
        var repeated = Take();
        var rep = parentRep + 1;
        var entryDef = def + 1;
        var repeatedPath = new List<string>(path) { repeated.Name };
        var firstLeaf = _leaves.Count;
        if (repeated.NumChildren is not (1 or 2))
        {
            throw new ParquetFormatException($"{_file}: map '{string.Join('.', path)}' has a key/value group with {repeated.NumChildren} children; 2 are expected.");
        }

        var key = Field(repeatedPath, entryDef, rep);
        var value = repeated.NumChildren == 2 ? Field(repeatedPath, entryDef, rep) : null;
        if (value is null)
        {
            throw new ParquetFormatException($"{_file}: map '{string.Join('.', path)}' has keys but no values; such key-only maps are not supported.");
        }

        return new FieldNode
        {
            Name = e.Name, Type = new MapType(key.Type, value.Type, value.Optional), Kind = NodeKind.Map,
            Optional = optional, DefLevel = def, EntryDefLevel = entryDef, RepLevel = rep, Children = [key, value],
            FirstLeaf = firstLeaf, EndLeaf = _leaves.Count,
        };
    }
}
