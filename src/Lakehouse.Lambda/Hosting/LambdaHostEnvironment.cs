using Lakehouse.Lambda.Runtime;

namespace Lakehouse.Lambda.Hosting;

/// <summary>The process-level inputs of the host, replaceable in tests: environment variables, the Runtime API client, the log sink, the clock.</summary>
internal sealed record LambdaHostEnvironment(
    Func<string, string?> Variables,
    Func<string, IRuntimeApiClient> ClientFactory,
    Stream LogOutput,
    TimeProvider Time);
