namespace Lakehouse.Testing.Lambda;

/// <summary>How a function project is published for a process-level test or benchmark.</summary>
public enum PublishMode
{
    /// <summary>What ships to Lambda: self-contained linux-x64, trimmed, ReadyToRun, started as <c>./bootstrap</c>.</summary>
    SelfContainedReadyToRun,

    /// <summary>Framework-dependent IL only (JIT at start-up), started as <c>dotnet bootstrap.dll</c>; for comparison.</summary>
    FrameworkDependent,
}
