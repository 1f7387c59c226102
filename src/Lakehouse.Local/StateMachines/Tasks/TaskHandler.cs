using System.Text.Json.Nodes;

namespace Lakehouse.Local.StateMachines.Tasks;

/// <summary>Adapts a delegate to <see cref="ITaskHandler"/>, for wiring handlers and for tests.</summary>
public sealed class TaskHandler(Func<JsonNode?, TaskContext, CancellationToken, Task<JsonNode?>> invoke) : ITaskHandler
{
    /// <summary>Wraps <paramref name="invoke"/> as a handler.</summary>
    public static ITaskHandler From(Func<JsonNode?, TaskContext, CancellationToken, Task<JsonNode?>> invoke) => new TaskHandler(invoke);

    public Task<JsonNode?> InvokeAsync(JsonNode? input, TaskContext context, CancellationToken cancellationToken) =>
        invoke(input, context, cancellationToken);
}
