using Lakehouse.Local.StateMachines;

namespace Lakehouse.Local.Runs;

/// <summary>The pipeline state machine: functions/statemachine/pipeline.asl.json, embedded at build time.</summary>
public static class PipelineStateMachine
{
    /// <summary>The resource name the Transform task resolves to in-process.</summary>
    public const string TransformResource = "local:transform";

    private static readonly Lazy<string> DefinitionLazy = new(() =>
    {
        using var stream = typeof(PipelineStateMachine).Assembly.GetManifestResourceStream("Lakehouse.Local.pipeline.asl.json")
            ?? throw new InvalidOperationException("The embedded pipeline.asl.json is missing from Lakehouse.Local; rebuild the project.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The definition's JSON text, exactly as deployed.</summary>
    public static string Definition => DefinitionLazy.Value;

    /// <summary>Loads it with the Transform task bound to <see cref="TransformResource"/>.</summary>
    public static StateMachine Load() =>
        StateMachine.Load(Definition, new Dictionary<string, string> { ["TransformFunctionArn"] = TransformResource }, "lakehouse-local-pipeline");
}
