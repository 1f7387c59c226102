using Lakehouse.Functions.Ingest;
using Lakehouse.Lambda.Hosting;

return await LambdaHost.RunAsync(IngestFunction.InitializeAsync, IngestJsonContext.Default.JsonElement, IngestJsonContext.Default.IngestSummary);
