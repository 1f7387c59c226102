using System.Text.Json;
using Lakehouse.Lambda.Hosting;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Metering;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Functions.Maintenance;

/// <summary>
/// Daily maintenance: for every pipeline in <c>_pipelines/</c> and every bronze, silver and gold table that exists,
/// write a checkpoint and delete log files past the table's log retention. One table's failure is logged and counted;
/// the others still run. OPTIMIZE and VACUUM are not available in Lakehouse.Delta yet (see the report).
/// </summary>
internal sealed partial class MaintenanceFunction
{
    private readonly FunctionHost _host;
    private readonly ILogger _logger;

    private MaintenanceFunction(FunctionHost host, ILogger logger)
    {
        _host = host;
        _logger = logger;
    }

    public static Task<Func<JsonElement, ILambdaContext, CancellationToken, Task<MaintenanceSummary>>> InitializeAsync(LambdaStartup startup, CancellationToken cancellationToken)
    {
        var function = new MaintenanceFunction(FunctionHost.Create(startup, UsageKind.Maintenance, "LAKE_BUCKET"), startup.LoggerFactory.CreateLogger<MaintenanceFunction>());
        return Task.FromResult<Func<JsonElement, ILambdaContext, CancellationToken, Task<MaintenanceSummary>>>(function.HandleAsync);
    }

    public async Task<MaintenanceSummary> HandleAsync(JsonElement evt, ILambdaContext context, CancellationToken cancellationToken)
    {
        _host.Attribution.Set(context.RequestId, string.Empty, "maintenance");
        var results = new List<TableMaintenance>();
        foreach (var name in await _host.Pipelines.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            PipelineDefinition definition;
            try
            {
                definition = await _host.Pipelines.GetAsync(name, cancellationToken).ConfigureAwait(false);
            }
            catch (LakehouseException e)
            {
                LogTableFailed(_logger, name, "*", e);
                results.Add(new TableMaintenance(name, "*", "*", null, 0, $"{e.ErrorType}: {e.Message}"));
                continue;
            }

            var tables = definition.Sources.Select(s => (MedallionLayer.Bronze, s.Table)).Distinct()
                .Concat(definition.Silver.Select(s => (MedallionLayer.Silver, s.Name)))
                .Concat(definition.Gold.Select(g => (MedallionLayer.Gold, g.Name)));
            foreach (var (layer, table) in tables)
            {
                results.Add(await MaintainAsync(name, layer, table, cancellationToken).ConfigureAwait(false));
            }
        }

        return new MaintenanceSummary(results, results.Count(r => r.Error is not null));
    }

    private async Task<TableMaintenance> MaintainAsync(string pipeline, MedallionLayer layer, string table, CancellationToken cancellationToken)
    {
        var layerName = layer.ToString().ToLowerInvariant();
        try
        {
            var delta = _host.Runtime.Table(pipeline, layer, table);
            if (!await delta.ExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                return new TableMaintenance(pipeline, layerName, table, null, 0, null);
            }

            // Compact small files first (dataChange=false), then checkpoint that version, expire old log files and
            // VACUUM with the table's retention (7 days by default; never forced below the safety check).
            var optimized = await delta.OptimizeAsync(null, cancellationToken).ConfigureAwait(false);
            var checkpoint = await delta.CheckpointAsync(cancellationToken).ConfigureAwait(false);
            var deleted = await delta.CleanupExpiredLogsAsync(null, cancellationToken).ConfigureAwait(false);
            var vacuumed = await delta.VacuumAsync(null, cancellationToken).ConfigureAwait(false);
            return new TableMaintenance(pipeline, layerName, table, checkpoint.Version, deleted)
            {
                FilesCompacted = optimized.FilesRemoved,
                FilesVacuumed = vacuumed.Files.Count,
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogTableFailed(_logger, pipeline, table, e);
            return new TableMaintenance(pipeline, layerName, table, null, 0, $"{(e as LakehouseException)?.ErrorType ?? e.GetType().Name}: {e.Message}");
        }
    }

    [LoggerMessage(EventId = 60, Level = LogLevel.Error, Message = "Maintenance of {Pipeline}/{Table} failed")]
    private static partial void LogTableFailed(ILogger logger, string pipeline, string table, Exception exception);
}
