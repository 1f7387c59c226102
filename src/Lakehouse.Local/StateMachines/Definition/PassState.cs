using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.DataFlow;
using Lakehouse.Local.StateMachines.Execution;

namespace Lakehouse.Local.StateMachines.Definition;

/// <summary>Pass: its result is Result if given, else the Parameters payload, else the effective input.</summary>
internal sealed class PassState : StateNode
{
    private readonly JsonNode? _result;
    private readonly bool _hasResult;
    private readonly PayloadTemplate? _parameters;
    private readonly PathField _resultPath;

    public PassState(FieldReader reader, string name)
        : base(reader, name, hasPaths: true, hasTransition: true)
    {
        _hasResult = reader.Has("Result");
        _result = reader.Raw("Result")?.DeepClone();
        if (reader.Has("Parameters"))
        {
            _parameters = PayloadTemplate.Compile(reader.Raw("Parameters"), name, "Parameters");
        }

        _resultPath = reader.Path("ResultPath", allowNull: true, referenceOnly: true, PathField.Root);
    }

    public override Task<StateResult> ExecuteAsync(JsonNode? input, StateRun run, CancellationToken cancellationToken)
    {
        var context = run.Context(0);
        var effective = SelectInput(input, context);
        var result = _hasResult ? _result?.DeepClone() : _parameters?.Evaluate(effective, context, "Parameters") ?? effective;
        var output = _resultPath.Merge(input, result, Name, "ResultPath");
        return Task.FromResult(new StateResult(SelectOutput(output, context), Next));
    }
}
