using System.Text;
using System.Text.Json;

namespace Lakehouse.Testing.Lambda;

/// <summary>
/// What the function posted for one invocation: a response, or an error with its type
/// (<see cref="ErrorType"/> is the Lambda-Runtime-Function-Error-Type header of an error post, else null).
/// </summary>
public sealed record InvocationResult(string RequestId, bool IsError, string? ErrorType, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The posted body as JSON (parsed on each call).</summary>
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary><c>errorMessage</c> of an error body.</summary>
    public string? ErrorMessage => IsError && Json.TryGetProperty("errorMessage", out var m) ? m.GetString() : null;

    public override string ToString() => IsError ? $"error {ErrorType}: {BodyText}" : $"response: {BodyText}";
}
