namespace Lakehouse.Pipelines.Transforms.Silver;

/// <summary>One incoming row of a silver step: values in the step's row schema, its sequence value and whether deleteWhen matched.</summary>
internal sealed record ChangeRow(object?[] Values, object? Sequence, bool IsDelete);
