using FsCheck;
using FsCheck.Fluent;
using Lakehouse.Pipelines.Sources.Input;

namespace Lakehouse.Pipelines.Tests.Sources;

public sealed class LineScanTests
{
    [Fact]
    public void CountLinesBeforeNul_RandomBytes_MatchesIndexOfAndCount()
    {
        var bytes = Gen.Choose(0, 200).SelectMany(n => Gen.ArrayOf(Gen.Frequency((20, Gen.Constant((byte)'a')), (4, Gen.Constant((byte)'\n')), (1, Gen.Constant((byte)0))), n));
        var property = Prop.ForAll(bytes.ToArbitrary(), data =>
        {
            var expectedNul = data.AsSpan().IndexOf((byte)0);
            var expectedLines = (expectedNul < 0 ? data : data[..expectedNul]).AsSpan().Count((byte)'\n');

            var lines = LineScan.CountLinesBeforeNul(data, out var nul);

            Assert.Equal(expectedNul, nul);
            Assert.Equal(expectedLines, lines);
            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
    }

    [Fact]
    public void CountLinesBeforeNul_NulInALaterBlock_CountsOnlyTheLinesBeforeIt()
    {
        var data = new byte[100];
        Array.Fill(data, (byte)'\n');
        data[70] = 0;

        Assert.Equal(70, LineScan.CountLinesBeforeNul(data, out var nul));
        Assert.Equal(70, nul);
    }
}
