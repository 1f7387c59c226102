using FsCheck;
using FsCheck.Fluent;
using Lakehouse.Parquet.Columns.Writing;

namespace Lakehouse.Parquet.Tests.Columns.Writing;

public sealed class MinMaxBytesTests
{
    [Fact]
    public void CompareUnsigned_AgreesWithSequenceCompareTo()
    {
        // Short alphabets make long common prefixes (the overlapping last word must not misjudge them).
        var arrays = Gen.OneOf(
            Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)),
            Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gen.Choose(97, 98).Select(b => (byte)b), n)));
        Prop.ForAll(arrays.ToArbitrary(), arrays.ToArbitrary(), (a, b) =>
        {
            var prefix = "customer_"u8.ToArray();
            byte[] x = [.. prefix, .. a];
            byte[] y = [.. prefix, .. b];
            return Math.Sign(MinMaxBytes.CompareUnsigned(a, b)) == Math.Sign(a.AsSpan().SequenceCompareTo(b))
                && Math.Sign(MinMaxBytes.CompareUnsigned(x, y)) == Math.Sign(x.AsSpan().SequenceCompareTo(y))
                && MinMaxBytes.CompareUnsigned(x, x) == 0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void UpdateUnsigned_OverARange_EqualsUpdatingValueByValue()
    {
        var values = Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(97, 100).Select(b => (byte)b)));
        Prop.ForAll(values.ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(), (entries, warm) =>
        {
            var offsets = new int[entries.Length + 1];
            for (var i = 0; i < entries.Length; i++)
            {
                offsets[i + 1] = offsets[i] + entries[i].Length;
            }

            byte[] data = [.. entries.SelectMany(e => e)];
            var byRange = new MinMaxBytes(false);
            var oneByOne = new MinMaxBytes(false);
            foreach (var seed in entries.Take(warm))
            {
                byRange.Update(seed);
                oneByOne.Update(seed);
            }

            byRange.UpdateUnsigned(data, offsets);
            foreach (var e in entries)
            {
                oneByOne.Update(e);
            }

            return byRange.HasValue == oneByOne.HasValue
                && byRange.Min.SequenceEqual(oneByOne.Min)
                && byRange.Max.SequenceEqual(oneByOne.Max);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Update_KeepsUnsignedByteOrderMinAndMax()
    {
        var minMax = new MinMaxBytes(false);
        foreach (var s in new[] { "customer_5", "customer_10", "customer_99999", "\u00e9", "customer_", "a" })
        {
            minMax.Update(System.Text.Encoding.UTF8.GetBytes(s));
        }

        Assert.Equal("a"u8.ToArray(), minMax.Min.ToArray());
        Assert.Equal("\u00e9"u8.ToArray(), minMax.Max.ToArray());
    }
}
