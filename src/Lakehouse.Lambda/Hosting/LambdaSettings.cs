using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Lambda.Hosting;

/// <summary>
/// The runtime's settings, bound once at start-up from environment variables and validated as a whole:
/// a bad value is reported as one init error naming every offending variable, never discovered mid-invoke.
/// Function-specific settings (bucket and table names) are read through <see cref="GetRequired"/> during start-up.
/// </summary>
public sealed class LambdaSettings
{
    /// <summary>Milliseconds the handler's token fires before the Lambda deadline (default 500).</summary>
    public const string TimeoutMarginVariable = "LAKEHOUSE_TIMEOUT_MARGIN_MS";

    private readonly Func<string, string?> _environment;

    private LambdaSettings(Func<string, string?> environment)
    {
        _environment = environment;
    }

    /// <summary>AWS_LAMBDA_RUNTIME_API (<c>host:port</c>).</summary>
    public string RuntimeApi { get; private init; } = string.Empty;

    public string FunctionName { get; private init; } = string.Empty;

    public string FunctionVersion { get; private init; } = "$LATEST";

    public int MemoryMb { get; private init; }

    public string? LogGroupName { get; private init; }

    public string? LogStreamName { get; private init; }

    /// <summary>POWERTOOLS_SERVICE_NAME, else the function name: the <c>service</c> key of log lines.</summary>
    public string ServiceName { get; private init; } = string.Empty;

    /// <summary>POWERTOOLS_LOG_LEVEL or AWS_LAMBDA_LOG_LEVEL (Debug, Information/INFO, Warning/WARN, Error, ...).</summary>
    public LogLevel MinimumLogLevel { get; private init; }

    public TimeSpan TimeoutMargin { get; private init; }

    /// <summary>The instruction set Lambda bills for: <c>x86_64</c> or <c>arm64</c>.</summary>
    public string Architecture { get; private init; } = string.Empty;

    /// <summary>Binds and validates; throws <see cref="LambdaConfigurationException"/> listing every problem.</summary>
    public static LambdaSettings Bind(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var problems = new List<string>();
        string? Get(string name) => string.IsNullOrWhiteSpace(environment(name)) ? null : environment(name)!.Trim();

        var runtimeApi = Get("AWS_LAMBDA_RUNTIME_API");
        if (runtimeApi is null)
        {
            problems.Add("AWS_LAMBDA_RUNTIME_API is not set (Lambda sets it; locally point it at a Runtime API emulator, host:port)");
        }

        var functionName = Get("AWS_LAMBDA_FUNCTION_NAME");
        if (functionName is null)
        {
            problems.Add("AWS_LAMBDA_FUNCTION_NAME is not set");
        }

        var memory = ParseInt(Get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", 128, 128, 10240, problems);
        var margin = ParseInt(Get(TimeoutMarginVariable), TimeoutMarginVariable, 500, 0, 60_000, problems);
        var levelText = Get("POWERTOOLS_LOG_LEVEL") ?? Get("AWS_LAMBDA_LOG_LEVEL");
        var level = LogLevel.Information;
        if (levelText is not null && !TryParseLevel(levelText, out level))
        {
            problems.Add($"the log level '{levelText}' is not one of Trace, Debug, Information (INFO), Warning (WARN), Error, Critical (FATAL)");
        }

        if (problems.Count > 0)
        {
            throw new LambdaConfigurationException("The function's environment is invalid: " + string.Join("; ", problems) + ". Fix the function's environment variables (template.yaml) and redeploy.");
        }

        return new LambdaSettings(environment)
        {
            RuntimeApi = runtimeApi!,
            FunctionName = functionName!,
            FunctionVersion = Get("AWS_LAMBDA_FUNCTION_VERSION") ?? "$LATEST",
            MemoryMb = memory,
            LogGroupName = Get("AWS_LAMBDA_LOG_GROUP_NAME"),
            LogStreamName = Get("AWS_LAMBDA_LOG_STREAM_NAME"),
            ServiceName = Get("POWERTOOLS_SERVICE_NAME") ?? functionName!,
            MinimumLogLevel = level,
            TimeoutMargin = TimeSpan.FromMilliseconds(margin),
            Architecture = RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "x86_64",
        };
    }

    /// <summary>A function setting that must be present (for example the lake bucket name).</summary>
    /// <exception cref="LambdaConfigurationException">The variable is unset or blank.</exception>
    public string GetRequired(string name)
    {
        var value = _environment(name);
        return string.IsNullOrWhiteSpace(value)
            ? throw new LambdaConfigurationException($"The environment variable {name} is not set for function {FunctionName}. Set it in template.yaml (Environment.Variables) and redeploy.")
            : value.Trim();
    }

    /// <summary>A function setting that may be absent.</summary>
    public string? GetOptional(string name)
    {
        var value = _environment(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static int ParseInt(string? text, string name, int fallback, int min, int max, List<string> problems)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add($"{name}='{text}' is not a whole number between {min} and {max}");
        return fallback;
    }

    private static bool TryParseLevel(string text, out LogLevel level)
    {
        level = text.ToUpperInvariant() switch
        {
            "TRACE" => LogLevel.Trace,
            "DEBUG" => LogLevel.Debug,
            "INFO" or "INFORMATION" => LogLevel.Information,
            "WARN" or "WARNING" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            "CRITICAL" or "FATAL" => LogLevel.Critical,
            _ => LogLevel.None,
        };
        return level != LogLevel.None;
    }
}
