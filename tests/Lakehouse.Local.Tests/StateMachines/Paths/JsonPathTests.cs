using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines;
using Lakehouse.Local.StateMachines.Execution;
using Lakehouse.Local.StateMachines.Paths;

namespace Lakehouse.Local.Tests.StateMachines.Paths;

public sealed class JsonPathTests
{
    private static readonly JsonNode Data = JsonNode.Parse("""
        {"a":{"b":[10,{"c":"deep"}]},"odd key":1,"n":null,"items":[{"id":1},{"id":2},{"x":3}]}
        """)!;

    private static readonly ContextObject Context = new(
        new ExecutionRun(new ExecutionOptions(), "arn:execution", "run", "arn:machine", "machine", JsonNode.Parse("""{"in":[1]}""")),
        "S",
        new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero),
        2,
        null,
        null);

    [Theory]
    [InlineData("$", """{"a":{"b":[10,{"c":"deep"}]},"odd key":1,"n":null,"items":[{"id":1},{"id":2},{"x":3}]}""")]
    [InlineData("$.a.b[0]", "10")]
    [InlineData("$.a.b[1].c", "\"deep\"")]
    [InlineData("$['odd key']", "1")]
    [InlineData("$[\"odd key\"]", "1")]
    [InlineData("$.a['b'][1]['c']", "\"deep\"")]
    [InlineData("$.n", "null")]
    [InlineData("$.items[*].id", "[1,2]")]
    [InlineData("$.items[*]", """[{"id":1},{"id":2},{"x":3}]""")]
    [InlineData("$.a.*", """[[10,{"c":"deep"}]]""")]
    [InlineData("$$.Execution.Name", "\"run\"")]
    [InlineData("$$.Execution.Input.in[0]", "1")]
    [InlineData("$$.State", """{"EnteredTime":"2026-11-22T10:00:00.000Z","Name":"S","RetryCount":2}""")]
    [InlineData("$$.StateMachine.Id", "\"arn:machine\"")]
    public void TryEvaluate_SupportedPath_SelectsTheValue(string path, string expected)
    {
        Assert.True(JsonPath.Parse(path).TryEvaluate(Data, Context, out var value));

        Assert.Equal(expected, value?.ToJsonString() ?? "null");
    }

    [Theory]
    [InlineData("$.missing")]
    [InlineData("$.a.b[5]")]
    [InlineData("$.a.b.c")]
    [InlineData("$.n.x")]
    [InlineData("$$.Map.Item.Index")]
    [InlineData("$$.Task.Token")]
    public void TryEvaluate_AbsentReference_ReturnsFalse(string path)
    {
        Assert.False(JsonPath.Parse(path).TryEvaluate(Data, Context, out _));
    }

    [Theory]
    [InlineData("$.x", """{"a":1}""", """{"a":1,"x":"v"}""")]
    [InlineData("$.a", """{"a":1}""", """{"a":"v"}""")]
    [InlineData("$.p.q", """{"p":5}""", """{"p":{"q":"v"}}""")]
    [InlineData("$.l[1]", """{"l":[0,0]}""", """{"l":[0,"v"]}""")]
    [InlineData("$", """{"a":1}""", "\"v\"")]
    public void TryWrite_ReferencePath_PlacesTheValue(string path, string input, string expected)
    {
        Assert.True(JsonPath.Parse(path).TryWrite(JsonNode.Parse(input), JsonValue.Create("v"), out var output));

        Assert.Equal(expected, output!.ToJsonString());
    }

    [Fact]
    public void TryEvaluate_WholeContextObject_IsACopy()
    {
        Assert.True(JsonPath.Parse("$$").TryEvaluate(Data, Context, out var value));

        Assert.Equal(["Execution", "State", "StateMachine"], value!.AsObject().Select(p => p.Key));
        Assert.Null(value.Parent);
        Assert.Equal("run", value["Execution"]!["Name"]!.GetValue<string>());
    }

    [Fact]
    public void TryWrite_DoesNotChangeTheInput()
    {
        var input = JsonNode.Parse("""{"a":{"b":1}}""");

        JsonPath.Parse("$.a.c").TryWrite(input, JsonValue.Create(2), out _);

        Assert.Equal("""{"a":{"b":1}}""", input!.ToJsonString());
    }

    [Theory]
    [InlineData("$.l[5]", """{"l":[]}""")]
    [InlineData("$.s.x", """{"s":[1]}""")]
    public void TryWrite_ThroughAnImpossiblePosition_ReturnsFalse(string path, string input)
    {
        Assert.False(JsonPath.Parse(path).TryWrite(JsonNode.Parse(input), JsonValue.Create("v"), out _));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("$..a")]
    [InlineData("$.a[-1]")]
    [InlineData("$.a[0:2]")]
    [InlineData("$.a[?(@.b)]")]
    [InlineData("$.a.")]
    [InlineData("$a")]
    [InlineData("$['unterminated")]
    public void Parse_OutsideTheSubset_Throws(string path)
    {
        Assert.Throws<JsonPathSyntaxException>(() => JsonPath.Parse(path));
    }
}
