using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions.Binding;

/// <summary>
/// <c>x [NOT] IN (constants)</c> as a set probe. SQL semantics: true when x equals an item; otherwise null when x is
/// null or the list holds a NULL; otherwise false. (Lists with non-constant items are rewritten to OR-ed equalities.)
/// </summary>
internal sealed class BoundInList : BoundExpression
{
    private readonly HashSet<long>? _integers;
    private readonly HashSet<double>? _doubles;
    private readonly HashSet<Int128>? _decimals;
    private readonly HashSet<string>? _strings;
    private readonly bool _listHasNull;

    public BoundInList(BoundExpression value, IReadOnlyList<BoundLiteral> items, bool negated, int offset)
        : base(DataType.Boolean, offset)
    {
        Value = value;
        Items = items;
        Negated = negated;
        _listHasNull = items.Any(i => i.Value is null);
        var probe = items.Where(i => i.Value is not null).Select(i => ColumnReader.Scalar(i.Type, i.Value)).ToList();
        switch (value.Type.Kind)
        {
            case TypeKind.String or TypeKind.Binary:
                _strings = probe.Select(p => Convert.ToBase64String(((BinaryColumn)p).ValueAt(0))).ToHashSet(StringComparer.Ordinal);
                break;
            case TypeKind.Float or TypeKind.Double:
                _doubles = probe.Select(p => p is PrimitiveColumn<float> f ? f.ValueAt(0) : ((PrimitiveColumn<double>)p).ValueAt(0)).ToHashSet();
                break;
            case TypeKind.Decimal:
                _decimals = probe.Select(p => ((PrimitiveColumn<Int128>)p).ValueAt(0)).ToHashSet();
                break;
            default:
                _integers = probe.Select(p => p switch
                {
                    PrimitiveColumn<bool> b => b.ValueAt(0) ? 1L : 0L,
                    PrimitiveColumn<int> i => i.ValueAt(0),
                    _ => ((PrimitiveColumn<long>)p).ValueAt(0),
                }).ToHashSet();
                break;
        }
    }

    public BoundExpression Value { get; }

    public IReadOnlyList<BoundLiteral> Items { get; }

    public bool Negated { get; }

    public override IEnumerable<BoundExpression> Children => [Value, .. Items];

    public override EvalColumn Evaluate(EvaluationScope scope, bool[]? active)
    {
        var input = Value.Evaluate(scope, active);
        var rows = input.IsScalar ? 1 : input.Length;
        var found = new bool[rows];
        switch (input)
        {
            case PrimitiveColumn<int> c:
                Probe(c.Values.Span, found, _integers!);
                break;
            case PrimitiveColumn<long> c:
                Probe(c.Values.Span, found, _integers!);
                break;
            case PrimitiveColumn<bool> c:
                for (var i = 0; i < rows; i++)
                {
                    found[i] = _integers!.Contains(c.ValueAt(i) ? 1 : 0);
                }

                break;
            case PrimitiveColumn<float> c:
                for (var i = 0; i < rows; i++)
                {
                    found[i] = _doubles!.Contains(c.ValueAt(i));
                }

                break;
            case PrimitiveColumn<double> c:
                for (var i = 0; i < rows; i++)
                {
                    found[i] = _doubles!.Contains(c.ValueAt(i));
                }

                break;
            case PrimitiveColumn<Int128> c:
                for (var i = 0; i < rows; i++)
                {
                    found[i] = _decimals!.Contains(c.ValueAt(i));
                }

                break;
            case BinaryColumn c:
                var lookup = _strings!.GetAlternateLookup<ReadOnlySpan<char>>();
                Span<char> buffer = stackalloc char[256];
                for (var i = 0; i < rows; i++)
                {
                    var bytes = c.ValueAt(i);
                    found[i] = Convert.TryToBase64Chars(bytes, buffer, out var written) ? lookup.Contains(buffer[..written]) : _strings.Contains(Convert.ToBase64String(bytes));
                }

                break;
        }

        var nulls = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            // Not found and (x is null or the list has NULL) → unknown.
            nulls[i] = input.IsNull(i) || (!found[i] && _listHasNull);
            found[i] ^= Negated;
        }

        return new PrimitiveColumn<bool>(DataType.Boolean, found, NullMasks.Compact(nulls), input.IsScalar);
    }

    private static void Probe<T>(ReadOnlySpan<T> values, Span<bool> found, HashSet<long> set)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        for (var i = 0; i < found.Length; i++)
        {
            found[i] = set.Contains(long.CreateTruncating(values[i]));
        }
    }
}
