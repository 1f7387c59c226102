using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Expressions;

namespace Lakehouse.Pipelines.Transforms.Silver;

/// <summary>
/// A silver table definition compiled against its source's schema before any data is read: the filter (over source
/// columns), the projection, expectations and deleteWhen (over the projected columns), and the key and sequence
/// column positions. Any problem is a <see cref="PipelineDefinitionException"/> at the YAML position.
/// </summary>
/// <remarks>
/// Schema evolution rule: with no <c>select</c> the projection is the source's whole current schema, so columns that
/// arrive later in bronze flow into silver (the silver table's schema is widened in the same commit). With an explicit
/// <c>select</c> only the listed columns flow; add a new column to the select to take it.
/// </remarks>
internal sealed class SilverPlan
{
    public const string StartAt = "__START_AT";
    public const string EndAt = "__END_AT";

    private SilverPlan(SilverTableDefinition definition, StructType sourceSchema)
    {
        Definition = definition;
        SourceSchema = sourceSchema;
    }

    public SilverTableDefinition Definition { get; }

    public StructType SourceSchema { get; }

    public RowFilter? Filter { get; private set; }

    /// <summary>Output column expressions; null when the table takes every source column.</summary>
    public IReadOnlyList<(string Name, CompiledExpression Expression)>? Projection { get; private set; }

    public StructType ProjectedSchema { get; private set; } = new();

    public IReadOnlyList<(ExpectationDefinition Definition, CompiledExpression Predicate)> Expectations { get; private set; } = [];

    public CompiledExpression? DeleteWhen { get; private set; }

    /// <summary>Columns the target table has: the projection, plus __START_AT/__END_AT for SCD2.</summary>
    public StructType TargetSchema { get; private set; } = new();

    public static SilverPlan Compile(SilverTableDefinition definition, StructType sourceSchema)
    {
        var plan = new SilverPlan(definition, sourceSchema);
        if (definition.Filter is { } filter)
        {
            plan.Filter = Guard(definition, filter.Position, () => RowFilter.Compile(filter.Text, sourceSchema, Origin(filter.Position)));
        }

        if (definition.Select.Count == 0)
        {
            plan.ProjectedSchema = sourceSchema;
        }
        else
        {
            var projection = definition.Select
                .Select(s => (s.Name, Guard(definition, s.Expression.Position, () => CompiledExpression.Compile(s.Expression.Text, sourceSchema, Origin(s.Expression.Position)))))
                .ToList();
            plan.Projection = projection;
            plan.ProjectedSchema = new StructType(projection.Select(p => new StructField(p.Name, p.Item2.ResultType)));
        }

        var projected = plan.ProjectedSchema;
        plan.Expectations = definition.Expectations
            .Select(e => (e, Guard(definition, e.Expression.Position, () => CompiledExpression.CompilePredicate(e.Expression.Text, projected, Origin(e.Expression.Position)))))
            .ToList();
        if (definition.Merge?.DeleteWhen is { } deleteWhen)
        {
            plan.DeleteWhen = Guard(definition, deleteWhen.Position, () => CompiledExpression.CompilePredicate(deleteWhen.Text, projected, Origin(deleteWhen.Position)));
        }

        if (definition.Dedupe is { } dedupe)
        {
            RequireColumns(definition, dedupe.Position, "dedupe", projected, dedupe.SequenceBy is null ? dedupe.Keys : [.. dedupe.Keys, dedupe.SequenceBy]);
        }

        plan.TargetSchema = projected;
        if (definition.Mode is SilverMode.Merge or SilverMode.Scd2)
        {
            var merge = definition.Merge ?? throw new PipelineDefinitionException(definition.Position,
                $"silver table '{definition.Name}' has mode {definition.Mode.ToString().ToLowerInvariant()} but no merge section; add merge: {{keys: [...], sequenceBy: column}}.");
            RequireColumns(definition, merge.Position, "merge", projected, [.. merge.Keys, merge.SequenceBy]);
            if (definition.Mode == SilverMode.Scd2)
            {
                var sequenceType = projected[merge.SequenceBy].Type;
                plan.TargetSchema = new StructType([.. projected.Fields, new StructField(StartAt, sequenceType), new StructField(EndAt, sequenceType)]);
            }
        }

        RequireColumns(definition, definition.Position, "partitionBy", plan.TargetSchema, definition.PartitionBy);
        return plan;
    }

    internal static ExpressionOrigin Origin(SourcePosition position) => new(position.File, position.Line, position.Column);

    private static void RequireColumns(SilverTableDefinition definition, SourcePosition position, string section, StructType schema, IEnumerable<string> columns)
    {
        foreach (var column in columns)
        {
            if (schema.IndexOf(column) < 0)
            {
                throw new PipelineDefinitionException(position,
                    $"{section} of silver table '{definition.Name}' names column '{column}', which the table does not produce (columns: {string.Join(", ", schema.Fields.Select(f => f.Name))}). Select it or fix the name.");
            }
        }
    }

    private static T Guard<T>(SilverTableDefinition definition, SourcePosition position, Func<T> compile)
    {
        try
        {
            return compile();
        }
        catch (ExpressionException e)
        {
            throw new PipelineDefinitionException(position, $"silver table '{definition.Name}': {e.Message}", e);
        }
    }
}
