using Lakehouse.Local.StateMachines.Choices;

namespace Lakehouse.Local.Tests.StateMachines.Choices;

public sealed class TimestampsTests
{
    [Theory]
    [InlineData("2026-11-22T10:00:00Z", true)]
    [InlineData("2026-11-22T10:00:00.123456Z", true)]
    [InlineData("2026-11-22T10:00:00+02:00", true)]
    [InlineData("2026-11-22T10:00:00", false)]
    [InlineData("2026-11-22t10:00:00Z", false)]
    [InlineData("2026-11-22T10:00:00z", false)]
    [InlineData("2026-11-22 10:00:00Z", false)]
    [InlineData("2026-13-22T10:00:00Z", false)]
    public void TryParse_AcceptsOnlyRfc3339WithUppercaseTAndZ(string text, bool expected)
    {
        Assert.Equal(expected, Timestamps.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_Offset_IsNormalisedToUtc()
    {
        Assert.True(Timestamps.TryParse("2026-11-22T12:00:00+02:00", out var value));

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero), value);
    }
}
