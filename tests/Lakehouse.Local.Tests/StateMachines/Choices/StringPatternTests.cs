using Lakehouse.Local.StateMachines.Choices;

namespace Lakehouse.Local.Tests.StateMachines.Choices;

public sealed class StringPatternTests
{
    [Theory]
    [InlineData("log-*.txt", "log-.txt", true)]
    [InlineData("log-*.txt", "log-a.b.txt", true)]
    [InlineData("log-*.txt", "log-a.txt.gz", false)]
    [InlineData("*.csv", "a.csv", true)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXcYYb", false)]
    [InlineData("**", "", true)]
    [InlineData(@"a\*", "a*", true)]
    [InlineData(@"a\*", "ab", false)]
    [InlineData(@"a\\*", @"a\anything", true)]
    [InlineData("exact", "exact", true)]
    [InlineData("exact", "Exact", false)]
    public void IsMatch_FollowsStringMatchesRules(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, new StringPattern(pattern).IsMatch(value));
    }
}
