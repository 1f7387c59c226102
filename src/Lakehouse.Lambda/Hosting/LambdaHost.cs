using System.Runtime.InteropServices;
using System.Text.Json.Serialization.Metadata;
using Lakehouse.Lambda.Logging;
using Lakehouse.Lambda.Runtime;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Lambda.Hosting;

/// <summary>
/// Entry point of every function executable (<c>bootstrap</c>): binds settings from the environment, runs the
/// function's initializer, then serves invocations through the Runtime API until the sandbox is shut down.
/// <code>return await LambdaHost.RunAsync(IngestFunction.InitializeAsync, EventsJsonContext.Default.S3Event, MyJsonContext.Default.IngestSummary);</code>
/// </summary>
public static partial class LambdaHost
{
    /// <summary>Serves a stateless handler.</summary>
    /// <returns>The process exit code: 0 when stopped by SIGTERM, 1 after an init error or a Runtime API failure.</returns>
    public static Task<int> RunAsync<TEvent, TResult>(
        Func<TEvent, ILambdaContext, CancellationToken, Task<TResult>> handler,
        JsonTypeInfo<TEvent> eventType,
        JsonTypeInfo<TResult> resultType)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return RunAsync((_, _) => Task.FromResult(handler), eventType, resultType);
    }

    /// <summary>
    /// Runs <paramref name="initialize"/> once (the init phase: read settings, build clients), then serves the handler
    /// it returns. A <see cref="LambdaConfigurationException"/> or any other exception from the initializer is posted
    /// as an init error and the process exits, so no invocation runs half-configured. <paramref name="correlationId"/>
    /// reads an event's <c>correlation_id</c> for the log lines when the event type cannot implement
    /// <see cref="ICorrelatedEvent"/> (a contract type defined in another assembly).
    /// </summary>
    public static async Task<int> RunAsync<TEvent, TResult>(
        Func<LambdaStartup, CancellationToken, Task<Func<TEvent, ILambdaContext, CancellationToken, Task<TResult>>>> initialize,
        JsonTypeInfo<TEvent> eventType,
        JsonTypeInfo<TResult> resultType,
        Func<TEvent, string?>? correlationId = null)
    {
        StartupTrace.Mark(StartupPhase.Main);
        // SIGTERM arrives when Lambda shuts a sandbox down (with extensions) or when a local harness stops the process.
        using var stopping = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stopping.Cancel();
        });
        var hostEnvironment = new LambdaHostEnvironment(Environment.GetEnvironmentVariable, static api => new RuntimeApiClient(api), Console.OpenStandardOutput(), TimeProvider.System);
        // Awaited here, not returned: the signal registration and token source must live as long as the loop.
        return await RunCoreAsync(initialize, eventType, resultType, hostEnvironment, stopping.Token, correlationId).ConfigureAwait(false);
    }

    internal static async Task<int> RunCoreAsync<TEvent, TResult>(
        Func<LambdaStartup, CancellationToken, Task<Func<TEvent, ILambdaContext, CancellationToken, Task<TResult>>>> initialize,
        JsonTypeInfo<TEvent> eventType,
        JsonTypeInfo<TResult> resultType,
        LambdaHostEnvironment environment,
        CancellationToken stoppingToken,
        Func<TEvent, string?>? correlationId = null)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(resultType);
        var runtimeApi = environment.Variables("AWS_LAMBDA_RUNTIME_API");
        if (string.IsNullOrWhiteSpace(runtimeApi))
        {
            // Without the Runtime API there is nobody to report an init error to: say so on stderr and stop.
            await Console.Error.WriteLineAsync("AWS_LAMBDA_RUNTIME_API is not set: this executable is a Lambda custom runtime (bootstrap). Run it under Lambda, sam local, or a Runtime API emulator.").ConfigureAwait(false);
            return 1;
        }

        var client = environment.ClientFactory(runtimeApi.Trim());
        try
        {
            LambdaSettings settings;
            LambdaLogState logState;
            LoggerFactory loggerFactory;
            ILogger hostLogger;
            IInvocationHandler handler;
            LambdaStartup startup;
            try
            {
                settings = LambdaSettings.Bind(environment.Variables);
                logState = new LambdaLogState(settings.ServiceName, settings.FunctionName, settings.FunctionVersion, settings.MemoryMb);
                var provider = new JsonLineLoggerProvider(logState, environment.LogOutput, environment.Time, settings.MinimumLogLevel);
                // Constructed directly: LoggerFactory.Create builds a DI container and options pipeline first, tens of
                // milliseconds of JIT and reflection at every cold start for one provider and one level.
                loggerFactory = new LoggerFactory([provider], new LoggerFilterOptions { MinLevel = settings.MinimumLogLevel });
                hostLogger = loggerFactory.CreateLogger("Lakehouse.Lambda");
                startup = new LambdaStartup(settings, loggerFactory, environment.Time);
                var typed = await initialize(startup, stoppingToken).ConfigureAwait(false)
                    ?? throw new LambdaConfigurationException("The function's initializer returned no handler.");
                handler = new JsonInvocationHandler<TEvent, TResult>(typed, eventType, resultType, logState, correlationId);
                StartupTrace.Mark(StartupPhase.Initialized);
            }
            catch (Exception ex)
            {
                // Init boundary: whatever failed, Lambda must hear about it as an init error.
                var error = RuntimeErrorFactory.From(ex);
                await Console.Error.WriteLineAsync($"Init failed ({error.ErrorType}): {ex.Message}").ConfigureAwait(false);
                await client.PostInitErrorAsync(error, stoppingToken).ConfigureAwait(false);
                return 1;
            }

            using (loggerFactory)
            {
                var loop = new LambdaRuntimeLoop(client, handler, settings, logState, startup.Observer, hostLogger, environment.Time);
                try
                {
                    await loop.RunAsync(stoppingToken).ConfigureAwait(false);
                    return 0;
                }
                catch (Exception ex) when (ex is RuntimeApiException or HttpRequestException)
                {
                    // The Runtime API is gone or refused us: Lambda will recycle the sandbox; exit so it can.
                    LogRuntimeApiFailed(hostLogger, ex);
                    return 1;
                }
            }
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Critical, Message = "The Runtime API failed; the runtime stops")]
    private static partial void LogRuntimeApiFailed(ILogger logger, Exception exception);
}
