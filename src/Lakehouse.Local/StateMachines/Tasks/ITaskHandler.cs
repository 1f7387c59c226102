using System.Text.Json.Nodes;

namespace Lakehouse.Local.StateMachines.Tasks;

/// <summary>
/// The in-process code behind a Task state's Resource (locally, what a Lambda function is on AWS). The result becomes
/// the task's result; an exception becomes an ASL error: a <see cref="LakehouseException"/> is named by its
/// <see cref="LakehouseException.ErrorType"/> (so Retry/Catch can match <c>Lakehouse.CommitConflict</c>), any other
/// exception by its type name. Implementations must honour the token: it fires on the state's TimeoutSeconds and
/// when the execution is aborted.
/// </summary>
public interface ITaskHandler
{
    Task<JsonNode?> InvokeAsync(JsonNode? input, TaskContext context, CancellationToken cancellationToken);
}
