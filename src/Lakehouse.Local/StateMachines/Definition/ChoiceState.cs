using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Choices;
using Lakehouse.Local.StateMachines.Execution;

namespace Lakehouse.Local.StateMachines.Definition;

/// <summary>Choice: goes to the Next of the first matching rule, else Default, else fails with States.NoChoiceMatched.</summary>
internal sealed class ChoiceState : StateNode
{
    private readonly IReadOnlyList<ChoiceBranch> _choices;
    private readonly string? _default;

    public ChoiceState(FieldReader reader, string name)
        : base(reader, name, hasPaths: true, hasTransition: false)
    {
        if (reader.Has("Next") || reader.Has("End"))
        {
            throw reader.Error(reader.Raw("Next") is null ? "End" : "Next", "a Choice state transitions through its Choices and Default only.");
        }

        var choices = reader.Array("Choices");
        if (choices is null || choices.Count == 0)
        {
            throw reader.Error("Choices", "must be a non-empty array of Choice Rules.");
        }

        _choices = choices.Select((_, i) => ChoiceRuleReader.ReadTopLevel(choices, i, reader.State)).ToArray();
        _default = reader.String("Default");
    }

    public override IEnumerable<string> Transitions =>
        _choices.Select(c => c.Next).Concat(_default is null ? [] : [_default]);

    public override Task<StateResult> ExecuteAsync(JsonNode? input, StateRun run, CancellationToken cancellationToken)
    {
        var context = run.Context(0);
        var effective = SelectInput(input, context);
        var next = _choices.FirstOrDefault(c => c.Rule.Evaluate(effective, context))?.Next ?? _default
            ?? throw new StatesError(ErrorNames.NoChoiceMatched, $"No Choice Rule of state '{Name}' matched the input and it has no Default.");
        return Task.FromResult(new StateResult(SelectOutput(effective, context), next));
    }
}
