using Lakehouse.Local.StateMachines;

namespace Lakehouse.Local.Tests.StateMachines.Definition;

/// <summary>Invalid or unsupported definitions are refused at load time, naming the state and the field.</summary>
public sealed class DefinitionParserTests
{
    private static string One(string state) => "{\"StartAt\":\"S\",\"States\":{\"S\":" + state + "}}";

    public static TheoryData<string, string> Invalid() => new()
    {
        { "not json", "not valid JSON" },
        { "[]", "must be a JSON object" },
        { """{"States":{"S":{"Type":"Succeed"}}}""", "Definition field 'StartAt': is required." },
        { """{"StartAt":"X","States":{"S":{"Type":"Succeed"}}}""", "Definition field 'StartAt': 'X' is not one of the states" },
        { """{"StartAt":"S","States":{}}""", "Definition field 'States': must contain at least one state." },
        { """{"StartAt":"S","QueryLanguage":"JSONata","States":{"S":{"Type":"Succeed"}}}""", "Definition field 'QueryLanguage': 'JSONata' is not supported" },
        { One("""{"Type":"Teleport"}"""), "State 'S' field 'Type': 'Teleport' is not a state type" },
        { One("""{"Type":"Pass"}"""), "State 'S' field 'End': exactly one of 'Next' or 'End'" },
        { One("""{"Type":"Pass","End":true,"Next":"S"}"""), "State 'S' field 'Next': exactly one of 'Next' or 'End'" },
        { One("""{"Type":"Pass","Next":"Nowhere"}"""), "State 'S' field 'Next': 'Nowhere' is not a state of the same graph" },
        { One("""{"Type":"Pass","End":true,"Colour":"red"}"""), "State 'S' field 'Colour': is not a supported field of a Pass state" },
        { One("""{"Type":"Pass","End":true,"Assign":{"x":1}}"""), "State 'S' field 'Assign': is not a supported field" },
        { One("""{"Type":"Pass","End":true,"InputPath":"a.b"}"""), "State 'S' field 'InputPath': 'a.b' is not a path" },
        { One("""{"Type":"Pass","End":true,"ResultPath":"$.a[*]"}"""), "State 'S' field 'ResultPath': '$.a[*]' must be a reference path" },
        { One("""{"Type":"Pass","End":true,"OutputPath":"$..a"}"""), "State 'S' field 'OutputPath': '$..a': recursive descent" },
        { One("""{"Type":"Pass","End":true,"InputPath":"$.a[?(@.x)]"}"""), "State 'S' field 'InputPath'" },
        { One("""{"Type":"Pass","End":true,"Parameters":{"x.$":"plain"}}"""), "State 'S' field 'Parameters': the value of 'x.$' ('plain') is neither a path" },
        { One("""{"Type":"Pass","End":true,"Parameters":{"x.$":5}}"""), "State 'S' field 'Parameters': the value of 'x.$' must be a string" },
        { One("""{"Type":"Pass","End":true,"Parameters":{"x.$":"States.Nope()"}}"""), "'States.Nope' is not a supported intrinsic function" },
        { One("""{"Type":"Pass","End":true,"Parameters":{"x.$":"States.MathAdd(1)"}}"""), "States.MathAdd takes 2 argument(s), got 1" },
        { One("""{"Type":"Pass","End":true,"Parameters":{"x.$":"States.Format('a'"}}"""), "expected ')'" },
        { One("""{"Type":"Task","End":true}"""), "State 'S' field 'Resource': is required." },
        { One("""{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","End":true}"""), "State 'S' field 'Resource': 'arn:aws:states:::lambda:invoke.waitForTaskToken' is not supported locally" },
        { One("""{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}"""), "State 'S' field 'Parameters': arn:aws:states:::lambda:invoke needs Parameters.FunctionName." },
        { One("""{"Type":"Task","Resource":"r","TimeoutSeconds":0,"End":true}"""), "State 'S' field 'TimeoutSeconds': must be an integer of at least 1" },
        { One("""{"Type":"Task","Resource":"r","TimeoutSeconds":5,"HeartbeatSeconds":5,"End":true}"""), "State 'S' field 'HeartbeatSeconds': must be smaller than TimeoutSeconds." },
        { One("""{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["States.ALL","X"]}],"End":true}"""), "State 'S' field 'Retry[0].ErrorEquals': States.ALL must appear alone" },
        { One("""{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["X"]}],"End":true}"""), "State 'S' field 'Retry[0].ErrorEquals': States.ALL must appear alone and in the last entry." },
        { One("""{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":[]}],"End":true}"""), "State 'S' field 'Retry[0].ErrorEquals': must name at least one error." },
        { One("""{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["X"],"BackoffRate":0.5}],"End":true}"""), "State 'S' field 'Retry[0].BackoffRate': must be at least 1.0." },
        { One("""{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["X"],"JitterStrategy":"HALF"}],"End":true}"""), "State 'S' field 'Retry[0].JitterStrategy': must be FULL or NONE" },
        { One("""{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["X"],"MaxAttempts":-1}],"End":true}"""), "State 'S' field 'Retry[0].MaxAttempts': must be an integer of at least 0" },
        { One("""{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["X"],"Jitter":"FULL"}],"End":true}"""), "State 'S' field 'Retry[0].Jitter': is not a supported field of a Retrier" },
        { One("""{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["X"]}],"End":true}"""), "State 'S' field 'Catch[0].Next': is required." },
        { One("""{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["X"],"Next":"Gone"}],"End":true}"""), "State 'S' field 'Next': 'Gone' is not a state" },
        { One("""{"Type":"Choice","Choices":[]}"""), "State 'S' field 'Choices': must be a non-empty array" },
        { One("""{"Type":"Choice","Choices":[{"Variable":"$.a","Next":"S"}]}"""), "State 'S' field 'Choices[0].Variable': a comparison needs one operator" },
        { One("""{"Type":"Choice","Choices":[{"Variable":"$.a","StringEquals":"x","NumericEquals":1,"Next":"S"}]}"""), "a comparison has exactly one operator" },
        { One("""{"Type":"Choice","Choices":[{"Variable":"$.a","NumericEquals":"1","Next":"S"}]}"""), "State 'S' field 'Choices[0].NumericEquals': has an operand of the wrong type" },
        { One("""{"Type":"Choice","Choices":[{"Variable":"$.a","TimestampEquals":"yesterday","Next":"S"}]}"""), "field 'Choices[0].TimestampEquals': has an operand of the wrong type" },
        { One("""{"Type":"Choice","Choices":[{"StringEquals":"x","Next":"S"}]}"""), "State 'S' field 'Choices[0].Variable': is required" },
        { One("""{"Type":"Choice","Choices":[{"And":[{"Variable":"$.a","IsNull":true,"Next":"S"}],"Next":"S"}]}"""), "only top-level Choice Rules may have Next." },
        { One("""{"Type":"Choice","Choices":[{"Variable":"$.a","IsNull":true,"Next":"S"}],"End":true}"""), "State 'S' field 'End': a Choice state transitions through its Choices and Default only." },
        { One("""{"Type":"Choice","Choices":[{"Variable":"$.a","IsNull":true,"Next":"S"}],"Default":"Elsewhere"}"""), "'Elsewhere' is not a state" },
        { One("""{"Type":"Wait","End":true}"""), "State 'S' field 'Seconds': exactly one of Seconds, Timestamp, SecondsPath or TimestampPath is required." },
        { One("""{"Type":"Wait","Seconds":1,"SecondsPath":"$.s","End":true}"""), "exactly one of Seconds" },
        { One("""{"Type":"Wait","Timestamp":"tomorrow","End":true}"""), "State 'S' field 'Timestamp': 'tomorrow' is not an RFC 3339 timestamp" },
        { One("""{"Type":"Wait","Timestamp":"2026-01-01t00:00:00z","End":true}"""), "is not an RFC 3339 timestamp" },
        { One("""{"Type":"Fail","Error":"E","ErrorPath":"$.e"}"""), "State 'S' field 'ErrorPath': cannot be combined with 'Error'." },
        { One("""{"Type":"Succeed","Next":"S"}"""), "State 'S' field 'Next': is not a supported field of a Succeed state" },
        { One("""{"Type":"Map","End":true}"""), "State 'S' field 'ItemProcessor': exactly one of ItemProcessor or Iterator" },
        { One("""{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},"StartAt":"I","States":{"I":{"Type":"Succeed"}}},"End":true}"""), "'DISTRIBUTED' is not supported locally" },
        { One("""{"Type":"Map","ItemReader":{},"ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Succeed"}}},"End":true}"""), "State 'S' field 'ItemReader': is not a supported field of a Map state" },
        { One("""{"Type":"Map","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","Next":"S"}}},"End":true}"""), "State 'I' field 'Next': 'S' is not a state of the same graph (inside 'S')" },
        { One("""{"Type":"Map","ItemProcessor":{"StartAt":"S","States":{"S":{"Type":"Succeed"}}},"End":true}"""), "State 'S' field 'Type': state names must be unique" },
        { One("""{"Type":"Map","ItemSelector":{},"Parameters":{},"ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Succeed"}}},"End":true}"""), "State 'S' field 'Parameters': use ItemSelector" },
        { One("""{"Type":"Map","MaxConcurrency":-1,"ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Succeed"}}},"End":true}"""), "State 'S' field 'MaxConcurrency': must be an integer of at least 0" },
        { One("""{"Type":"Parallel","Branches":[],"End":true}"""), "State 'S' field 'Branches': must be a non-empty array" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Load_InvalidDefinition_RefusesNamingStateAndField(string definition, string expectedMessagePart)
    {
        var e = Assert.Throws<AslDefinitionException>(() => StateMachine.Load(definition));

        Assert.Contains(expectedMessagePart, e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<LakehouseException>(e);
    }

    [Fact]
    public void Load_Substitutions_AreReplacedBeforeParsing()
    {
        var machine = StateMachine.Load(
            """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"${Fn}","TimeoutSeconds":${Timeout},"End":true}}}""",
            new Dictionary<string, string> { ["Fn"] = "local:fn", ["Timeout"] = "30" },
            "named");

        Assert.Equal("named", machine.Name);
        Assert.Equal("arn:aws:states:local:000000000000:stateMachine:named", machine.Arn);
    }

    [Fact]
    public void Load_CommentsAndVersion_AreAccepted()
    {
        var machine = StateMachine.Load("""
            {"Comment":"c","Version":"1.0","TimeoutSeconds":60,"StartAt":"S",
             "States":{"S":{"Type":"Pass","Comment":"p","End":true}}}
            """);

        Assert.NotNull(machine);
    }
}
