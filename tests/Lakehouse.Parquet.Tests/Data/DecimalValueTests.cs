using Lakehouse.Parquet.Data;

namespace Lakehouse.Parquet.Tests.Data;

public sealed class DecimalValueTests
{
    [Theory]
    [InlineData("12.3", 5, 2, "12.30")]
    [InlineData("-0.5", 3, 1, "-0.5")]
    [InlineData("1.2e2", 5, 0, "120")]
    [InlineData("0.00004", 10, 5, "0.00004")]
    [InlineData("99999999999999999999999999999999999999", 38, 0, "99999999999999999999999999999999999999")]
    public void TryParse_ExactValues_RoundTripToCanonicalText(string text, int precision, int scale, string expected)
    {
        Assert.True(DecimalValue.TryParse(text, precision, scale, out var value));
        Assert.Equal(expected, value.ToString());
    }

    [Theory]
    [InlineData("1.234", 5, 2)]
    [InlineData("1000", 3, 0)]
    [InlineData("abc", 5, 2)]
    [InlineData("", 5, 2)]
    public void TryParse_LossyOrInvalid_ReturnsFalse(string text, int precision, int scale)
    {
        Assert.False(DecimalValue.TryParse(text, precision, scale, out _));
    }

    [Fact]
    public void CompareTo_DifferentScales_ComparesNumerically()
    {
        Assert.True(new DecimalValue(150, 2) < new DecimalValue(2, 0));
        Assert.Equal(0, new DecimalValue(1500, 3).CompareTo(new DecimalValue(15, 1)));
    }
}
