namespace Lakehouse.Pipelines.Definitions;

/// <summary>
/// What happens when a file has columns the bronze table lacks (Auto Loader's <c>cloudFiles.schemaEvolutionMode</c>).
/// </summary>
public enum SchemaEvolutionMode
{
    /// <summary>Add the new columns (nullable, at the end) and evolve the table in the same commit. Auto Loader stops the stream first; we do not need to.</summary>
    AddNewColumns,

    /// <summary>Never evolve; values of new columns go to the rescued data column.</summary>
    Rescue,

    /// <summary>Fail the file, naming the new columns.</summary>
    FailOnNewColumns,

    /// <summary>Never evolve. Auto Loader drops the values; we never drop data, so they go to the rescued data column like <see cref="Rescue"/>.</summary>
    None,
}
