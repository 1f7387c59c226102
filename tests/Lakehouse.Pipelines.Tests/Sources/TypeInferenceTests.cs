using System.Text;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Sources.Inference;

namespace Lakehouse.Pipelines.Tests.Sources;

public sealed class TypeInferenceTests
{
    private static DataType Infer(bool inferDecimals, params string[] values)
    {
        var accumulator = new ScalarTypeAccumulator();
        foreach (var v in values)
        {
            accumulator.Observe(v.Length == 0 ? ValueShape.Null : TextClassifier.Classify(Encoding.UTF8.GetBytes(v)));
        }

        return accumulator.Result(inferDecimals);
    }

    [Theory]
    [InlineData("long", "1", "-2", "+3", "9223372036854775807")]
    [InlineData("decimal(38,0)", "1", "9223372036854775808")]
    [InlineData("decimal(38,2)", "12.50", "7", "-0.01")]
    [InlineData("double", "1.5", "1.25")]
    [InlineData("double", "1e5", "2")]
    [InlineData("double", "NaN", "1.5")]
    [InlineData("boolean", "true", "FALSE", "")]
    [InlineData("date", "2024-01-01", "1999-12-31")]
    [InlineData("timestamp", "2024-01-01", "2024-01-01T10:00:00Z")]
    [InlineData("timestamp", "2024-01-01 10:00", "2024-01-01T10:00:00.123456+02:00")]
    [InlineData("string", "2024-13-01")]
    [InlineData("string", "007", "8")]
    [InlineData("string", "1", "true")]
    [InlineData("string", "1", "2024-01-01")]
    [InlineData("string", "", "")]
    [InlineData("string", "1.2.3")]
    [InlineData("string", "12abc")]
    public void Infer_WithDecimals(string expected, params string[] values)
    {
        Assert.Equal(expected, Infer(true, values).ToString());
    }

    [Theory]
    [InlineData("double", "12.50", "7")]
    [InlineData("double", "1", "9223372036854775808")]
    [InlineData("long", "1", "2")]
    public void Infer_WithoutDecimals_UsesDouble(string expected, params string[] values)
    {
        Assert.Equal(expected, Infer(false, values).ToString());
    }

    [Fact]
    public void Infer_TooManyDigitsForDecimal_IsDouble()
    {
        Assert.Equal(DataType.Double, Infer(true, "123456789012345678901234567890.123456789"));
    }
}
