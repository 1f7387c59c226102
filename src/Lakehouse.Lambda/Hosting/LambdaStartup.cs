using Lakehouse.Lambda.Usage;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Lambda.Hosting;

/// <summary>
/// What a function's initializer gets during the init phase: validated settings, the JSON-line logger factory, and
/// the observer slot. Everything a function needs (SDK clients, stores, options) is built here once and reused by
/// every invocation of the sandbox; any exception thrown while initializing is reported as an init error.
/// </summary>
public sealed class LambdaStartup
{
    internal LambdaStartup(LambdaSettings settings, ILoggerFactory loggerFactory, TimeProvider time)
    {
        Settings = settings;
        LoggerFactory = loggerFactory;
        Time = time;
    }

    public LambdaSettings Settings { get; }

    /// <summary>Creates loggers that write Powertools-style JSON lines; pass it to libraries.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The clock the host uses for deadlines and usage timestamps.</summary>
    public TimeProvider Time { get; }

    /// <summary>Called around every invocation; the metering component sets its usage recorder here.</summary>
    public IInvocationObserver Observer { get; set; } = NoOpInvocationObserver.Instance;
}
