using Lakehouse.Functions.Maintenance;
using Lakehouse.Lambda.Hosting;

return await LambdaHost.RunAsync(MaintenanceFunction.InitializeAsync, MaintenanceJsonContext.Default.JsonElement, MaintenanceJsonContext.Default.MaintenanceSummary);
