using Lakehouse.Functions.Transform;
using Lakehouse.Lambda.Hosting;
using Lakehouse.Pipelines.Transforms;

return await LambdaHost.RunAsync(
    TransformFunction.InitializeAsync,
    TransformRequestJsonContext.Default.TransformRequest,
    TransformJsonContext.Default.JsonObject,
    static request => request.RunId);
