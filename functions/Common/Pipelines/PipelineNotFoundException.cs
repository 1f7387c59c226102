namespace Lakehouse.Functions.Pipelines;

/// <summary>No pipeline definition exists for a name (error type <c>Lakehouse.PipelineNotFound</c>).</summary>
public sealed class PipelineNotFoundException : LakehouseException
{
    public PipelineNotFoundException(string pipeline, string location)
        : base($"No pipeline definition for '{pipeline}' at {location}. Upload the pipeline's YAML there (the first segment of a landing key names the pipeline), or move the file under a known pipeline's folder.")
    {
        Pipeline = pipeline;
    }

    public string Pipeline { get; }
}
