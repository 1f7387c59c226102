namespace Lakehouse.Lambda.Runtime;

/// <summary>Turns an exception into the Runtime API error document.</summary>
internal static class RuntimeErrorFactory
{
    /// <summary>
    /// <c>errorType</c> is <see cref="LakehouseException.ErrorType"/> for the platform's own exceptions (the stable names
    /// the state machine's Retry/Catch rules match), else the exception type's full name.
    /// </summary>
    public static string ErrorTypeOf(Exception exception)
        => exception is LakehouseException lakehouse ? lakehouse.ErrorType : exception.GetType().FullName ?? exception.GetType().Name;

    public static RuntimeError From(Exception exception)
    {
        var stack = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (!ReferenceEquals(current, exception))
            {
                stack.Add($"--- caused by {current.GetType().FullName}: {current.Message}");
            }

            if (current.StackTrace is { } trace)
            {
                foreach (var line in trace.Split('\n'))
                {
                    var trimmed = line.Trim();
                    if (trimmed.Length > 0)
                    {
                        stack.Add(trimmed);
                    }
                }
            }
        }

        return new RuntimeError(ErrorTypeOf(exception), exception.Message, stack);
    }
}
