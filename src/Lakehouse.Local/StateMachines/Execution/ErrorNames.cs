namespace Lakehouse.Local.StateMachines.Execution;

/// <summary>The predefined error names of the States Language (spec appendix A) the interpreter raises or matches.</summary>
internal static class ErrorNames
{
    public const string All = "States.ALL";
    public const string TaskFailed = "States.TaskFailed";
    public const string Timeout = "States.Timeout";
    public const string HeartbeatTimeout = "States.HeartbeatTimeout";
    public const string Runtime = "States.Runtime";
    public const string DataLimitExceeded = "States.DataLimitExceeded";
    public const string NoChoiceMatched = "States.NoChoiceMatched";
    public const string BranchFailed = "States.BranchFailed";
    public const string ResultPathMatchFailure = "States.ResultPathMatchFailure";
    public const string ParameterPathFailure = "States.ParameterPathFailure";
    public const string Permissions = "States.Permissions";

    /// <summary>
    /// Whether an ErrorEquals entry matches <paramref name="error"/>. States.ALL matches every catchable error;
    /// States.TaskFailed matches every error except States.Timeout (AWS Step Functions error handling rules).
    /// </summary>
    public static bool Matches(string pattern, string error) => pattern switch
    {
        All => true,
        TaskFailed => error != Timeout,
        _ => string.Equals(pattern, error, StringComparison.Ordinal),
    };
}
