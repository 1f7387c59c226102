using Lakehouse.Local.StateMachines;
using Lakehouse.Pipelines.Ingestion;

namespace Lakehouse.Local.Runs;

/// <summary>What one local run did: the ingestion outcome and, when transforms ran, the state machine's result.</summary>
public sealed record LocalRunResult(IngestionResult Ingestion, string? RunId, ExecutionResult? Execution)
{
    /// <summary>True when the run found nothing new to do.</summary>
    public bool NothingNew => Ingestion.Commits.Count == 0 && Execution is null;
}
