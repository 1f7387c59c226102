using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lakehouse.Functions.Maintenance;

/// <summary>Source-generated JSON metadata of the Maintenance function (trim- and AOT-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(MaintenanceSummary))]
internal sealed partial class MaintenanceJsonContext : JsonSerializerContext;

/// <summary>What maintenance did per table.</summary>
internal sealed record MaintenanceSummary(IReadOnlyList<TableMaintenance> Tables, int Failed);

/// <summary>One table: the checkpoint version written, log files removed, or why it failed.</summary>
internal sealed record TableMaintenance(string Pipeline, string Layer, string Table, long? CheckpointVersion, int LogFilesDeleted, string? Error = null)
{
    /// <summary>Small files OPTIMIZE replaced.</summary>
    public int FilesCompacted { get; init; }

    /// <summary>Unreferenced files VACUUM deleted.</summary>
    public int FilesVacuumed { get; init; }
}
