using Lakehouse.Lambda.Hosting;
using Lakehouse.Lambda.Tests.EchoFunction;

return await LambdaHost.RunAsync(EchoFunction.InitializeAsync, EchoJsonContext.Default.EchoRequest, EchoJsonContext.Default.EchoResponse).ConfigureAwait(false);
