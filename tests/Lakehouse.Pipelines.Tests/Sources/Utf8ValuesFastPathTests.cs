using System.Buffers.Text;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Lakehouse.Pipelines.Sources.Text;

namespace Lakehouse.Pipelines.Tests.Sources;

/// <summary>
/// The fast paths of <see cref="Utf8Values"/> (plain doubles, short longs, fixed-position dates, lower-case booleans)
/// against exact references, including the inputs where they must hand over to the general parser.
/// </summary>
public sealed class Utf8ValuesFastPathTests
{
    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>The exact reference: the BCL's correctly rounded UTF-8 parser, whole input consumed, where a finite literal that overflows to infinity does not fit (as documented on <see cref="Utf8Values.TryParseDouble"/>).</summary>
    private static bool ReferenceDouble(string text, out double value) =>
        Utf8Parser.TryParse(B(text), out value, out var consumed) && consumed == B(text).Length && text.Length > 0 && double.IsFinite(value);

    [Theory]
    [InlineData("1234.56")]
    [InlineData("0.1")]
    [InlineData("-0.0")]
    [InlineData("-0")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("-.5")]
    [InlineData("123456789012345")]
    [InlineData("12345678901234.5")]
    [InlineData("0.00000000000001")]
    [InlineData("1234567890123456")]
    [InlineData("9007199254740993")]
    [InlineData("0.1234567890123456789")]
    [InlineData("99999999999999999999999.5")]
    [InlineData("+1.5")]
    [InlineData("1e5")]
    [InlineData("1.5E-3")]
    [InlineData("-2.5e+10")]
    [InlineData("000000000000000000001.25")]
    public void TryParseDouble_PlainAndFallbackForms_MatchTheExactParserBitForBit(string text)
    {
        Assert.True(ReferenceDouble(text, out var expected), text);

        Assert.True(Utf8Values.TryParseDouble(B(text), out var value), text);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));
    }

    [Theory]
    [InlineData("1234567890123456")]
    [InlineData("0.1234567890123456")]
    [InlineData("1e5")]
    [InlineData("+1.5")]
    [InlineData("1.2.3")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData(" 1.5")]
    [InlineData("1,5")]
    public void TryParseSimpleDouble_OutsidePlainShortDecimals_DeclinesSoTheExactParserDecides(string text)
    {
        Assert.False(Utf8Values.TryParseSimpleDouble(B(text), out _));
    }

    [Fact]
    public void TryParseSimpleDouble_NegativeZero_KeepsTheSign()
    {
        Assert.True(Utf8Values.TryParseSimpleDouble(B("-0.0"), out var value));
        Assert.True(double.IsNegative(value));
        Assert.Equal(0.0, value);
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1 2")]
    [InlineData("--1")]
    public void TryParseDouble_Malformed_Fails(string text)
    {
        Assert.False(Utf8Values.TryParseDouble(B(text), out _));
    }

    [Fact]
    public void TryParseDouble_RandomDecimalStrings_AcceptAndValueMatchTheExactParser()
    {
        var digits = Gen.Choose(0, 20).SelectMany(n => Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), n)).Select(c => new string(c));
        var text =
            from sign in Gen.Elements(string.Empty, "-", "+")
            from whole in digits
            from dot in Gen.Elements(true, false)
            from fraction in digits
            select sign + whole + (dot ? "." + fraction : string.Empty);
        var property = Prop.ForAll(text.ToArbitrary(), s =>
        {
            var accepted = Utf8Values.TryParseDouble(B(s), out var value);
            var expectedAccepted = ReferenceDouble(s, out var expected);
            return accepted == expectedAccepted && (!accepted || BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits(expected));
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), property);
    }

    [Fact]
    public void TryParseDouble_ShortTextsWithAnyByteAnywhere_MatchTheExactParser()
    {
        // A dot at every position, and bytes that are not digits (letters, signs, a second dot, exponents, UTF-8) at
        // every position: the fast path must decline them and the exact parser judge them.
        var chars = Gen.Frequency((12, Gen.Elements("0123456789".ToCharArray())), (3, Gen.Constant('.')), (1, Gen.Elements('x', '+', '-', 'e', 'é', '/', ':')));
        var text = from sign in Gen.Elements(string.Empty, "-") from n in Gen.Choose(3, 9) from body in Gen.ArrayOf(chars, n) select sign + new string(body);
        var property = Prop.ForAll(text.ToArbitrary(), s =>
        {
            var accepted = Utf8Values.TryParseDouble(B(s), out var value);
            var expectedAccepted = ReferenceDouble(s, out var expected);
            Assert.True(accepted == expectedAccepted, s);
            Assert.True(!accepted || BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits(expected), s);
            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(5000), property);
    }

    [Theory]
    [InlineData("1234", 1234.0)]
    [InlineData("12345678", 12345678.0)]
    [InlineData("1234567.", 1234567.0)]
    [InlineData(".1234567", 0.1234567)]
    [InlineData("0.05", 0.05)]
    [InlineData("-9999.99", -9999.99)]
    [InlineData("00000000", 0.0)]
    [InlineData("9.999999", 9.999999)]
    public void TryParseSimpleDouble_PlainDecimalsUpToEightBytes_AreExact(string text, double expected)
    {
        Assert.True(Utf8Values.TryParseSimpleDouble(B(text), out var value));
        Assert.Equal(expected, value);
    }

    /// <summary>What <see cref="Utf8Values.TryParseLong"/> did before its fast path: trim, then the BCL parser over the whole input.</summary>
    private static bool ReferenceLong(string text, out long value)
    {
        var s = B(text.Trim(' ', '\t'));
        return Utf8Parser.TryParse(s, out value, out var consumed) && consumed == s.Length && s.Length > 0;
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("007")]
    [InlineData("999999999999999999")]
    [InlineData("-999999999999999999")]
    [InlineData("1000000000000000000")]
    [InlineData("9223372036854775807")]
    [InlineData("-9223372036854775808")]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("+5")]
    [InlineData("-")]
    [InlineData("")]
    [InlineData(" 42\t")]
    [InlineData("4 2")]
    [InlineData("12a")]
    [InlineData("00000000000000000000000001")]
    public void TryParseLong_FastAndFallbackForms_MatchThePreviousParser(string text)
    {
        var expectedAccepted = ReferenceLong(text, out var expected);

        Assert.Equal(expectedAccepted, Utf8Values.TryParseLong(B(text), out var value));
        if (expectedAccepted)
        {
            Assert.Equal(expected, value);
        }
    }

    [Fact]
    public void TryParseLong_RandomDigitStrings_MatchThePreviousParser()
    {
        var text = Gen.Choose(0, 22).SelectMany(n => Gen.ArrayOf(Gen.Elements("0123456789-+ x".ToCharArray()), n)).Select(c => new string(c));
        var property = Prop.ForAll(text.ToArbitrary(), s =>
        {
            var accepted = Utf8Values.TryParseLong(B(s), out var value);
            return accepted == ReferenceLong(s, out var expected) && (!accepted || value == expected);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), property);
    }

    [Fact]
    public void TryParseDate_EveryMonthAndDayNumber_MatchesTheCalendar()
    {
        foreach (var year in new[] { 1, 4, 99, 100, 400, 1600, 1700, 1900, 1969, 1970, 2000, 2023, 2024, 2100, 2400, 9999 })
        {
            for (var month = 0; month <= 13; month++)
            {
                for (var day = 0; day <= 32; day++)
                {
                    var text = $"{year:D4}-{month:D2}-{day:D2}";
                    var valid = month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

                    Assert.Equal(valid, Utf8Values.TryParseDate(B(text), out var days));
                    if (valid)
                    {
                        Assert.Equal(new DateOnly(year, month, day).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber, days);
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("0000-01-01")]
    [InlineData("2024-1-01")]
    [InlineData("2024/01/01")]
    [InlineData("2024-01-1a")]
    [InlineData("20x4-01-01")]
    [InlineData("2024-01-011")]
    [InlineData("-024-01-01")]
    public void TryParseDate_Malformed_Fails(string text)
    {
        Assert.False(Utf8Values.TryParseDate(B(text), out _));
    }

    [Fact]
    public void TryParseDate_SurroundingSpaces_AreIgnored()
    {
        Assert.True(Utf8Values.TryParseDate(B(" 2024-02-29\t"), out var days));
        Assert.Equal(19782, days);
    }

    [Theory]
    [InlineData("true", true, true)]
    [InlineData("false", true, false)]
    [InlineData("TRUE", true, true)]
    [InlineData("False", true, false)]
    [InlineData(" true ", true, true)]
    [InlineData("tru", false, false)]
    [InlineData("truee", false, false)]
    [InlineData("fals", false, false)]
    [InlineData("falsy", false, false)]
    [InlineData("xalse", false, false)]
    [InlineData("1", false, false)]
    public void TryParseBoolean_LiteralsAnyCase_OthersFail(string text, bool ok, bool expected)
    {
        Assert.Equal(ok, Utf8Values.TryParseBoolean(B(text), out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void TryParseDouble_InvariantFormattedRandomValues_RoundTrip()
    {
        var random = new Random(11);
        for (var i = 0; i < 5_000; i++)
        {
            var text = (random.Next(-1_000_000, 1_000_000) / 100.0).ToString("0.00", CultureInfo.InvariantCulture);
            Assert.True(Utf8Values.TryParseDouble(B(text), out var value), text);
            Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), value);
        }
    }
}
