namespace Lakehouse.Pipelines.Ingestion;

/// <summary>What ingestion did with one landed file (see <see cref="IngestionProgress"/>).</summary>
public enum IngestionFileOutcome
{
    /// <summary>Read and written to the bronze table; committed with the other staged files of its table.</summary>
    Staged,

    /// <summary>Ingested before: nothing written.</summary>
    Skipped,

    /// <summary>Unreadable or matching no source: reported under <c>_quarantine/</c>, nothing written.</summary>
    Quarantined,
}
