using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.DataFlow;
using Lakehouse.Local.StateMachines.Events;
using Lakehouse.Local.StateMachines.Execution;

namespace Lakehouse.Local.StateMachines.Definition;

/// <summary>
/// Map (inline mode): runs ItemProcessor (or the legacy Iterator) once per element of the array at ItemsPath, each
/// iteration's input built by ItemSelector (or the legacy Parameters) with <c>$$.Map.Item.Index/Value</c> in the
/// context; the result is the array of iteration outputs, in order. MaxConcurrency 0 means no limit; the
/// execution's MaxConcurrency caps it further.
/// </summary>
internal sealed class MapState : RecoverableState
{
    private readonly PathField _itemsPath;
    private readonly PayloadTemplate? _itemSelector;
    private readonly int _maxConcurrency;

    public MapState(FieldReader reader, string name, Func<JsonObject, string, StateGraph> readGraph)
        : base(reader, name, hasParameters: false)
    {
        _itemsPath = reader.Path("ItemsPath", allowNull: false, referenceOnly: false, PathField.Root);
        if (reader.Has("ItemSelector") && reader.Has("Parameters"))
        {
            throw reader.Error("Parameters", "use ItemSelector (Parameters is its legacy name); not both.");
        }

        var selectorField = reader.Raw("ItemSelector") is not null ? "ItemSelector" : "Parameters";
        var selector = reader.Object(selectorField);
        if (selector is not null)
        {
            _itemSelector = PayloadTemplate.Compile(selector, name, selectorField);
        }

        _maxConcurrency = reader.Integer("MaxConcurrency", 0) ?? 0;
        var processor = reader.Object("ItemProcessor");
        var iterator = reader.Object("Iterator");
        if ((processor is null) == (iterator is null))
        {
            throw reader.Error("ItemProcessor", "exactly one of ItemProcessor or Iterator (its legacy name) is required.");
        }

        if (processor is not null)
        {
            var config = processor["ProcessorConfig"] as JsonObject;
            var mode = config?["Mode"]?.GetValue<string>() ?? "INLINE";
            if (mode != "INLINE")
            {
                throw reader.Error("ItemProcessor.ProcessorConfig.Mode", $"'{mode}' is not supported locally; only INLINE Map states run in-process.");
            }
        }

        Iteration = readGraph(processor ?? iterator!, processor is null ? "Iterator" : "ItemProcessor");
    }

    public StateGraph Iteration { get; }

    public override IEnumerable<StateGraph> Children => [Iteration];

    protected override async Task<JsonNode?> RunAsync(JsonNode? payload, JsonNode? effectiveInput, ContextObject context, StateRun run, int retryCount, CancellationToken cancellationToken)
    {
        var items = _itemsPath.Select(effectiveInput, context, Name, "ItemsPath") as JsonArray
            ?? throw StatesError.Runtime($"State '{Name}' field 'ItemsPath': '{_itemsPath.Path}' must reference an array.");
        var limit = _maxConcurrency;
        var cap = run.Execution.MaxConcurrency;
        if (cap > 0)
        {
            limit = limit == 0 ? cap : Math.Min(limit, cap);
        }

        // Iterations read the state's input concurrently (ItemSelector paths).
        JsonValues.Materialize(effectiveInput);
        var snapshot = items.Select(i => i?.DeepClone()).ToArray();
        return await ConcurrentRunner.RunAllAsync(
            snapshot.Length,
            limit,
            async (index, token) =>
            {
                var itemContext = run.Context(retryCount, index, snapshot[index]);
                var itemInput = _itemSelector is null ? snapshot[index]?.DeepClone() : _itemSelector.Evaluate(effectiveInput, itemContext, "ItemSelector");
                run.Record(ExecutionEventType.MapIterationStarted, iteration: index);
                try
                {
                    var output = await GraphRunner.RunAsync(Iteration, itemInput, run.Execution, index, token).ConfigureAwait(false);
                    run.Record(ExecutionEventType.MapIterationSucceeded, iteration: index);
                    return output;
                }
                catch (StatesError error)
                {
                    run.Record(ExecutionEventType.MapIterationFailed, error.Error, error.Cause, iteration: index);
                    throw;
                }
            },
            cancellationToken).ConfigureAwait(false);
    }
}
