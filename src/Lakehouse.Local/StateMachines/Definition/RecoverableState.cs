using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.DataFlow;
using Lakehouse.Local.StateMachines.Events;
using Lakehouse.Local.StateMachines.Execution;

namespace Lakehouse.Local.StateMachines.Definition;

/// <summary>
/// Task, Map and Parallel: states with Parameters, ResultSelector, ResultPath, Retry and Catch. Runs the
/// States Language data flow (InputPath → Parameters → work → ResultSelector → ResultPath over the raw input →
/// OutputPath) and the error handling around the work (spec: "Error Handling").
/// </summary>
internal abstract class RecoverableState : StateNode
{
    protected RecoverableState(FieldReader reader, string name, bool hasParameters)
        : base(reader, name, hasPaths: true, hasTransition: true)
    {
        if (hasParameters && reader.Has("Parameters"))
        {
            Parameters = PayloadTemplate.Compile(reader.Raw("Parameters"), name, "Parameters");
        }

        if (reader.Has("ResultSelector"))
        {
            ResultSelector = PayloadTemplate.Compile(reader.Object("ResultSelector"), name, "ResultSelector");
        }

        ResultPath = reader.Path("ResultPath", allowNull: true, referenceOnly: true, PathField.Root);
        Retriers = Retrier.ReadAll(reader);
        Catchers = Catcher.ReadAll(reader);
    }

    public PayloadTemplate? Parameters { get; }

    public PayloadTemplate? ResultSelector { get; }

    public PathField ResultPath { get; }

    public IReadOnlyList<Retrier> Retriers { get; }

    public IReadOnlyList<Catcher> Catchers { get; }

    public override IEnumerable<string> Transitions => base.Transitions.Concat(Catchers.Select(c => c.Next));

    public sealed override async Task<StateResult> ExecuteAsync(JsonNode? input, StateRun run, CancellationToken cancellationToken)
    {
        var effective = SelectInput(input, run.Context(0));
        var attempts = new int[Retriers.Count];
        var retryCount = 0;
        while (true)
        {
            var context = run.Context(retryCount);
            try
            {
                var payload = Parameters is null ? effective : Parameters.Evaluate(effective, context, "Parameters");
                var result = await RunAsync(payload, effective, context, run, retryCount, cancellationToken).ConfigureAwait(false);
                if (ResultSelector is not null)
                {
                    result = ResultSelector.Evaluate(result, context, "ResultSelector");
                }

                var output = ResultPath.Merge(input, result, Name, "ResultPath");
                return new StateResult(SelectOutput(output, context), Next);
            }
            catch (StatesError error) when (!error.IsTerminal && !cancellationToken.IsCancellationRequested)
            {
                var index = IndexOfRetrier(error.Error);
                if (index >= 0 && attempts[index] < Retriers[index].MaxAttempts)
                {
                    attempts[index]++;
                    retryCount++;
                    var delay = Retriers[index].DelayFor(attempts[index], run.Execution.Random);
                    run.Execution.CountTransition();
                    run.Record(ExecutionEventType.RetryScheduled, error.Error, error.Cause, retryCount, delay);
                    await run.Execution.Delay.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var catcher = Catchers.FirstOrDefault(c => c.Matches(error.Error));
                if (catcher is null)
                {
                    throw;
                }

                run.Record(ExecutionEventType.ErrorCaught, error.Error, error.Cause);
                var errorOutput = new JsonObject { ["Error"] = error.Error, ["Cause"] = error.Cause };
                return new StateResult(catcher.ResultPath.Merge(input, errorOutput, Name, "Catch.ResultPath"), catcher.Next);
            }
        }
    }

    /// <summary>The state's work on <paramref name="payload"/> (the effective input after Parameters).</summary>
    protected abstract Task<JsonNode?> RunAsync(JsonNode? payload, JsonNode? effectiveInput, ContextObject context, StateRun run, int retryCount, CancellationToken cancellationToken);

    private int IndexOfRetrier(string error)
    {
        for (var i = 0; i < Retriers.Count; i++)
        {
            if (Retriers[i].Matches(error))
            {
                return i;
            }
        }

        return -1;
    }
}
