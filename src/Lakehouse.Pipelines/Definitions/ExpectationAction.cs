namespace Lakehouse.Pipelines.Definitions;

/// <summary>What a failed expectation does (Lakeflow's <c>expect</c>, <c>expect_or_drop</c>, <c>expect_or_fail</c>).</summary>
public enum ExpectationAction
{
    Warn,
    Drop,
    Fail,
}
