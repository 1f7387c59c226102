using Lakehouse.Pipelines.Definitions;

namespace Lakehouse.Pipelines.Transforms.Silver;

/// <summary>Rows that passed and failed one expectation during a step.</summary>
internal sealed class ExpectationCounts(ExpectationDefinition definition)
{
    public ExpectationDefinition Definition { get; } = definition;

    public long Passed { get; set; }

    public long Failed { get; set; }

    public string? SampleFailure { get; set; }
}
