using FsCheck;
using FsCheck.Fluent;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions;

namespace Lakehouse.Pipelines.Tests.Expressions;

public class EvaluatorPropertyTests
{
    private static bool SameValue(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (double x, double y) => x.Equals(y) || Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(x)),
        (DecimalValue x, DecimalValue y) => x.CompareTo(y) == 0,
        _ => Equals(expected, actual),
    };

    /// <summary>Checks one random expression over one random batch; returns a description of the first difference, or null.</summary>
    private static string? Check(int seed) => Check(seed, out _);

    private static string? Check(int seed, out bool errored)
    {
        errored = false;
        var random = new RandomExpressions(seed);
        var rows = new Random(seed).Next(0, 40);
        var batch = random.Batch(rows);
        var text = random.Any(3);
        var compiled = CompiledExpression.Compile(text, RandomExpressions.Schema);

        object?[]? actual = null;
        string? vectorError = null;
        try
        {
            var vector = compiled.Evaluate(batch, Batches.Context);
            actual = Enumerable.Range(0, vector.Count).Select(vector.GetValue).ToArray();
        }
        catch (ExpressionException e)
        {
            vectorError = e.Message;
        }

        var expected = new object?[rows];
        string? referenceError = null;
        try
        {
            for (var r = 0; r < rows; r++)
            {
                expected[r] = ReferenceInterpreter.Evaluate(compiled.Bound, batch, r);
            }
        }
        catch (ReferenceInterpreter.ReferenceError e)
        {
            referenceError = e.Message;
        }

        if ((vectorError is null) != (referenceError is null))
        {
            return $"{text}: vectorized error '{vectorError}', reference error '{referenceError}'";
        }

        if (vectorError is not null)
        {
            errored = true;
            return null;
        }

        for (var r = 0; r < rows; r++)
        {
            if (!SameValue(expected[r], actual![r]))
            {
                return $"{text} row {r} ({string.Join(", ", batch.GetRow(r))}): expected {expected[r] ?? "NULL"}, got {actual[r] ?? "NULL"}";
            }
        }

        return null;
    }

    [Fact]
    public void Vectorized_EqualsRowByRowReference_OnRandomExpressionsAndData()
    {
        Prop.ForAll<int>(seed => Check(seed) is not { } failure ? true.ToProperty() : false.ToProperty().Label(failure))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(1500));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Vectorized_EqualsReference_ForFixedSeeds(int block)
    {
        var errors = 0;
        for (var seed = block * 1000; seed < (block * 1000) + 300; seed++)
        {
            Assert.Null(Check(seed, out var errored));
            errors += errored ? 1 : 0;
        }

        // Most random expressions must evaluate (errors such as overflow are compared too, but must stay rare).
        Assert.InRange(errors, 0, 30);
    }
}
