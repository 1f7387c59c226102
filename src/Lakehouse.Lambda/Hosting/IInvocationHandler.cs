namespace Lakehouse.Lambda.Hosting;

/// <summary>
/// The untyped handler the invoke loop runs: event bytes in, response bytes out. <see cref="JsonInvocationHandler{TEvent, TResult}"/>
/// adapts a typed handler with source-generated JSON.
/// </summary>
internal interface IInvocationHandler
{
    Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context, CancellationToken cancellationToken);
}
