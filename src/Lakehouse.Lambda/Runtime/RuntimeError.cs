using System.Text.Json.Serialization;

namespace Lakehouse.Lambda.Runtime;

/// <summary>
/// The error document the Runtime API accepts for invocation and init errors. Lambda passes <see cref="ErrorType"/>
/// and <see cref="ErrorMessage"/> on to the caller; Step Functions matches its Retry/Catch rules on the error type.
/// </summary>
public sealed record RuntimeError(
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string> StackTrace);
