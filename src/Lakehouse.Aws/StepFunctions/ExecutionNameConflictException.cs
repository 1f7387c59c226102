namespace Lakehouse.Aws.StepFunctions;

/// <summary>
/// An execution with the requested name exists but was started with a different input. Execution names are derived
/// from what a run processes (table + version), so this means two different runs were given the same name.
/// </summary>
public sealed class ExecutionNameConflictException : LakehouseException
{
    public ExecutionNameConflictException(string executionArn)
        : base($"Execution {executionArn} already exists with a different input. Execution names must identify the run's input; derive the name from the input (e.g. table and version) or pick a new name.")
    {
        ExecutionArn = executionArn;
    }

    /// <summary>The existing execution.</summary>
    public string ExecutionArn { get; }
}
