using Lakehouse.Lambda.Usage;

namespace Lakehouse.Lambda.Tests.Usage;

public sealed class InvocationUsageTests
{
    [Theory]
    [InlineData(0L, 1L)]
    [InlineData(1L, 1L)]
    [InlineData(10_000L, 1L)]
    [InlineData(10_001L, 2L)]
    [InlineData(12_345_678L, 1235L)]
    public void BilledMilliseconds_RoundsUpToWholeMillisecondsAndAtLeastOne(long ticks, long expected)
    {
        Assert.Equal(expected, InvocationUsage.BilledMilliseconds(TimeSpan.FromTicks(ticks)));
    }

    [Fact]
    public void GigabyteSeconds_IsBilledSecondsTimesMemoryInGigabytes()
    {
        var usage = new InvocationUsage("r", "f", "$LATEST", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1500, 2048, "x86_64", false, true, null);

        Assert.Equal(3m, usage.GigabyteSeconds);
    }
}
