namespace Lakehouse.Pipelines.Transforms;

/// <summary>
/// A <c>fail</c> expectation was violated: the update stopped before committing anything (Lakeflow's expect_or_fail).
/// </summary>
public sealed class ExpectationFailedException : TransformException
{
    public ExpectationFailedException(string table, string expectation, string expression, long failedRows, string sampleRow)
        : base($"Expectation '{expectation}' ({expression}) of table '{table}' failed for {failedRows} row(s); nothing was committed. " +
               $"Sample failing row: {sampleRow}. Fix the source data or change the expectation's action to warn or drop.")
    {
        Table = table;
        Expectation = expectation;
        FailedRows = failedRows;
        SampleRow = sampleRow;
    }

    public string Table { get; }

    public string Expectation { get; }

    public long FailedRows { get; }

    public string SampleRow { get; }
}
