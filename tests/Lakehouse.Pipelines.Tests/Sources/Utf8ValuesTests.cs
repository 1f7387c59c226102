using System.Text;
using Lakehouse.Pipelines.Sources.Text;

namespace Lakehouse.Pipelines.Tests.Sources;

public sealed class Utf8ValuesTests
{
    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-42", -42L)]
    [InlineData(" 7 ", 7L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void TryParseLong_Valid(string text, long expected)
    {
        Assert.True(Utf8Values.TryParseLong(B(text), out var v));
        Assert.Equal(expected, v);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.0")]
    [InlineData("9223372036854775808")]
    [InlineData("12a")]
    public void TryParseLong_Invalid(string text)
    {
        Assert.False(Utf8Values.TryParseLong(B(text), out _));
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("-0.1", -0.1)]
    [InlineData("123456789.123456", 123456789.123456)]
    [InlineData("1.7976931348623157E+308", double.MaxValue)]
    [InlineData("12345678901234567890.5", 12345678901234567890.5)]
    [InlineData("Infinity", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    public void TryParseDouble_Valid(string text, double expected)
    {
        Assert.True(Utf8Values.TryParseDouble(B(text), out var v));
        Assert.Equal(expected, v);
    }

    [Fact]
    public void TryParseDouble_FastPath_MatchesDoubleParse()
    {
        var random = new Random(7);
        for (var i = 0; i < 10_000; i++)
        {
            var text = (random.NextDouble() * Math.Pow(10, random.Next(-5, 12))).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Utf8Values.TryParseDouble(B(text), out var v), text);
            Assert.Equal(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), v);
        }
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("1,5")]
    [InlineData("abc")]
    [InlineData("")]
    public void TryParseDouble_Invalid(string text)
    {
        Assert.False(Utf8Values.TryParseDouble(B(text), out _));
    }

    [Theory]
    [InlineData("12.5", 10, 2, 1250)]
    [InlineData("-0.05", 10, 2, -5)]
    [InlineData("7", 10, 2, 700)]
    [InlineData("1.500", 10, 2, 150)]
    [InlineData("1.5e2", 10, 2, 15000)]
    [InlineData("99999999.99", 10, 2, 9999999999)]
    public void TryParseDecimal_Valid(string text, int precision, int scale, long expected)
    {
        Assert.True(Utf8Values.TryParseDecimal(B(text), precision, scale, out var v));
        Assert.Equal((Int128)expected, v);
    }

    [Fact]
    public void TryParseDecimal_ThirtyEightDigits()
    {
        var digits = new string('9', 36) + ".99";
        Assert.True(Utf8Values.TryParseDecimal(B(digits), 38, 2, out var v));
        Assert.Equal(Int128.Parse(new string('9', 38), System.Globalization.CultureInfo.InvariantCulture), v);
    }

    [Theory]
    [InlineData("1.005", 10, 2)]
    [InlineData("100000000.00", 10, 2)]
    [InlineData("1.2.3", 10, 2)]
    [InlineData(".", 10, 2)]
    [InlineData("", 10, 2)]
    public void TryParseDecimal_NeverRoundsOrOverflows(string text, int precision, int scale)
    {
        Assert.False(Utf8Values.TryParseDecimal(B(text), precision, scale, out _));
    }

    [Theory]
    [InlineData("1970-01-01", 0)]
    [InlineData("2024-02-29", 19782)]
    [InlineData("1969-12-31", -1)]
    [InlineData("0001-01-01", -719162)]
    public void TryParseDate_Valid(string text, int days)
    {
        Assert.True(Utf8Values.TryParseDate(B(text), out var v));
        Assert.Equal(days, v);
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("2024-1-01")]
    [InlineData("2024/01/01")]
    [InlineData("2024-01-01T00:00")]
    public void TryParseDate_Invalid(string text)
    {
        Assert.False(Utf8Values.TryParseDate(B(text), out _));
    }

    [Theory]
    [InlineData("2024-05-01T10:20:30Z", "2024-05-01T10:20:30.0000000Z")]
    [InlineData("2024-05-01 10:20:30", "2024-05-01T10:20:30.0000000Z")]
    [InlineData("2024-05-01T10:20", "2024-05-01T10:20:00.0000000Z")]
    [InlineData("2024-05-01T10:20:30.123456789Z", "2024-05-01T10:20:30.1234560Z")]
    [InlineData("2024-05-01T10:20:30.5+02:00", "2024-05-01T08:20:30.5000000Z")]
    [InlineData("2024-05-01T00:20:30-0130", "2024-05-01T01:50:30.0000000Z")]
    [InlineData("2024-05-01T10:20:30+05", "2024-05-01T05:20:30.0000000Z")]
    [InlineData("2024-05-01", "2024-05-01T00:00:00.0000000Z")]
    [InlineData("1960-01-01T00:00:00.000001Z", "1960-01-01T00:00:00.0000010Z")]
    public void TryParseTimestamp_Valid(string text, string expectedUtc)
    {
        Assert.True(Utf8Values.TryParseTimestamp(B(text), out var micros));
        Assert.Equal(expectedUtc, DateTime.UnixEpoch.AddTicks(micros * 10).ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2024-05-01T25:00:00")]
    [InlineData("2024-05-01T10:20:30Zjunk")]
    [InlineData("2024-05-01X10:20")]
    [InlineData("2024-05-01T10:20:30.")]
    [InlineData("2024-05-01T10")]
    public void TryParseTimestamp_Invalid(string text)
    {
        Assert.False(Utf8Values.TryParseTimestamp(B(text), out _));
    }
}
