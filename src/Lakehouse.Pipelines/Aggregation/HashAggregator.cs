using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Expressions.Binding;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Aggregation;

/// <summary>
/// Hash group-by for gold tables: consumes batches incrementally (memory proportional to the number of groups, not
/// rows) and produces one row per group: the keys, then the aggregates, with Spark's result types. NULL keys form
/// their own group; with no keys there is exactly one output row (count(*) = 0 over no input). Not thread-safe;
/// aggregate partitions in separate aggregators and <see cref="Merge"/> them.
/// </summary>
public sealed class HashAggregator
{
    private readonly BoundExpression[] _keys;
    private readonly AggregateSpec[] _specs;
    private readonly BoundExpression?[] _arguments;
    private readonly AggregateState[] _states;
    private readonly GroupTable _table;
    private readonly GroupKey[] _keySpecs;
    private readonly bool _canChunk;

    private HashAggregator(StructType inputSchema, GroupKey[] keySpecs, BoundExpression[] keys, AggregateSpec[] specs, BoundExpression?[] arguments)
    {
        InputSchema = inputSchema;
        _keySpecs = keySpecs;
        _keys = keys;
        _specs = specs;
        _arguments = arguments;
        _states = specs.Select((s, i) => AggregateStates.Create(s, arguments[i])).ToArray();
        _table = new GroupTable(keys.Select(k => k.Type).ToArray());
        _canChunk = keys.All(EvaluationScope.CanSlice) && arguments.All(a => a is null || EvaluationScope.CanSlice(a));
        var fields = keySpecs.Select((k, i) => new StructField(k.Name, keys[i].Type))
            .Concat(specs.Select((s, i) => new StructField(s.Name, _states[i].ResultType, s.Function is not (AggregateFunction.CountStar or AggregateFunction.Count or AggregateFunction.CountDistinct))));
        OutputSchema = new StructType(fields);
    }

    public StructType InputSchema { get; }

    /// <summary>Keys in order, then aggregates in order.</summary>
    public StructType OutputSchema { get; }

    public int GroupCount => _table.GroupCount;

    /// <summary>Type-checks the keys and aggregate arguments against <paramref name="inputSchema"/>.</summary>
    /// <exception cref="ExpressionException">Unknown columns, wrong argument types (sum of a string), nested keys.</exception>
    public static HashAggregator Create(StructType inputSchema, IReadOnlyList<GroupKey> keys, IReadOnlyList<AggregateSpec> aggregates)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(aggregates);
        var names = keys.Select(k => k.Name).Concat(aggregates.Select(a => a.Name)).GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (names is not null)
        {
            throw new ArgumentException($"The aggregation defines the output column '{names.Key}' twice; give each key and aggregate a distinct name.", nameof(aggregates));
        }

        var boundKeys = keys.Select(k =>
        {
            var compiled = CompiledExpression.Compile(k.Expression, inputSchema, k.Origin);
            if (compiled.ResultType.IsNested)
            {
                throw ExpressionException.At(k.Expression, k.Origin, 0, $"cannot group by '{k.Name}' of type {compiled.ResultType}; group by its fields instead");
            }

            return compiled.Bound;
        }).ToArray();
        var arguments = aggregates.Select(a => a.Argument is null ? null : Binder.Bind(a.Argument, inputSchema, a.Text, a.Origin)).ToArray();
        return new HashAggregator(inputSchema, keys.ToArray(), boundKeys, aggregates.ToArray(), arguments);
    }

    /// <summary>Folds one batch (of <see cref="InputSchema"/>) into the groups.</summary>
    public void Add(RecordBatch batch, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(context);
        if (!Equals(batch.Schema, InputSchema))
        {
            throw new ArgumentException($"The batch schema {batch.Schema} differs from the aggregation's input schema {InputSchema}.", nameof(batch));
        }

        if (batch.RowCount == 0)
        {
            return;
        }

        var chunk = _canChunk ? EvaluationScope.ChunkRows : batch.RowCount;
        for (var offset = 0; offset < batch.RowCount; offset += chunk)
        {
            AddChunk(batch, context, offset, Math.Min(chunk, batch.RowCount - offset));
        }
    }

    private void AddChunk(RecordBatch batch, EvaluationContext context, int offset, int rows)
    {
        var groups = _table.Assign(EvaluateKeys(batch, context, offset, rows), rows);
        for (var a = 0; a < _states.Length; a++)
        {
            _states[a].Update(groups, EvaluateArgument(a, batch, context, offset, rows), _table.GroupCount);
        }
    }

    /// <summary>The input columns (top-level ordinals) the keys and aggregate arguments read.</summary>
    internal IEnumerable<int> ReferencedOrdinals() => _keys.Concat(_arguments.OfType<BoundExpression>()).SelectMany(ColumnOrdinals);

    internal static IEnumerable<int> ColumnOrdinals(BoundExpression expression) => expression is BoundColumn column
        ? [column.Ordinals[0]]
        : expression.Children.SelectMany(ColumnOrdinals);

    /// <summary>The group key types, in order.</summary>
    internal IReadOnlyList<DataType> KeyTypes => _keys.Select(k => k.Type).ToArray();

    /// <summary>The key expressions and aggregate calls as written (to check them for clock-dependent functions).</summary>
    internal IEnumerable<string> ExpressionTexts => _keySpecs.Select(k => k.Expression).Concat(_specs.Select(s => s.Text));

    /// <summary>Rows per evaluation chunk for <paramref name="batch"/> (expressions that cannot be sliced see whole batches).</summary>
    internal int ChunkRows(RecordBatch batch) => _canChunk ? EvaluationScope.ChunkRows : Math.Max(1, batch.RowCount);

    /// <summary>The key columns of rows [offset, offset + rows) (scalars broadcast).</summary>
    internal EvalColumn[] EvaluateKeys(RecordBatch batch, EvaluationContext context, int offset, int rows)
    {
        var keyColumns = new EvalColumn[_keys.Length];
        for (var k = 0; k < _keys.Length; k++)
        {
            var scope = new EvaluationScope(batch, rows, context, _keySpecs[k].Expression, _keySpecs[k].Origin, offset);
            keyColumns[k] = Materialize(_keys[k].Evaluate(scope, null), rows);
        }

        return keyColumns;
    }

    /// <summary>Every aggregate's argument over rows [offset, offset + rows) (null for count(*)).</summary>
    internal EvalColumn?[] EvaluateArguments(RecordBatch batch, EvaluationContext context, int offset, int rows)
    {
        var inputs = new EvalColumn?[_arguments.Length];
        for (var a = 0; a < inputs.Length; a++)
        {
            inputs[a] = EvaluateArgument(a, batch, context, offset, rows);
        }

        return inputs;
    }

    private EvalColumn? EvaluateArgument(int a, RecordBatch batch, EvaluationContext context, int offset, int rows)
    {
        if (_arguments[a] is not { } argument)
        {
            return null;
        }

        var scope = new EvaluationScope(batch, rows, context, _specs[a].Text, _specs[a].Origin, offset);
        return Materialize(argument.Evaluate(scope, null), rows);
    }

    /// <summary>Folds another aggregator's partial result in (same keys and aggregates, e.g. another partition or file).</summary>
    public void Merge(HashAggregator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Equals(other.OutputSchema, OutputSchema) || !other._specs.Select(s => s.Function).SequenceEqual(_specs.Select(s => s.Function)))
        {
            throw new ArgumentException($"Cannot merge an aggregation producing {other.OutputSchema} into one producing {OutputSchema}.", nameof(other));
        }

        var keyColumns = other._table.KeyVectors.Select(ColumnReader.Read).ToArray();
        var map = _table.Assign(keyColumns, other.GroupCount);
        for (var a = 0; a < _states.Length; a++)
        {
            _states[a].Merge(other._states[a], map, _table.GroupCount);
        }
    }

    /// <summary>One row per group (in first-seen order): keys, then aggregates.</summary>
    public RecordBatch Finish()
    {
        var count = _table.GroupCount;
        var columns = new List<ColumnVector>();
        columns.AddRange(_table.KeyVectors);
        columns.AddRange(_states.Select(s => s.Finish(count)));
        return new RecordBatch(OutputSchema, columns);
    }

    private static EvalColumn Materialize(EvalColumn column, int rows)
    {
        if (!column.IsScalar)
        {
            return column;
        }

        return column switch
        {
            PrimitiveColumn<bool> c => c.Broadcast(rows),
            PrimitiveColumn<int> c => c.Broadcast(rows),
            PrimitiveColumn<long> c => c.Broadcast(rows),
            PrimitiveColumn<float> c => c.Broadcast(rows),
            PrimitiveColumn<double> c => c.Broadcast(rows),
            PrimitiveColumn<Int128> c => c.Broadcast(rows),
            BinaryColumn c => BroadcastText(c, rows),
            _ => column,
        };
    }

    private static BinaryColumn BroadcastText(BinaryColumn column, int rows)
    {
        var builder = new BinaryBuilder(column.Type, rows, column.Data.Length * rows);
        for (var i = 0; i < rows; i++)
        {
            if (column.IsNull(0))
            {
                builder.AppendNull();
            }
            else
            {
                builder.Append(column.ValueAt(0));
            }
        }

        return builder.Build();
    }
}
