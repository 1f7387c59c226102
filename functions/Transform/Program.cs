using Lakehouse.Functions.Transform;
using Lakehouse.Lambda.Hosting;

return await LambdaHost.RunAsync(TransformFunction.InitializeAsync, TransformJsonContext.Default.TransformTask, TransformJsonContext.Default.JsonObject);
