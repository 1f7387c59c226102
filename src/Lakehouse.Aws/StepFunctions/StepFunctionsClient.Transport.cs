using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lakehouse.Aws.Errors;
using Lakehouse.Delta.Storage;

namespace Lakehouse.Aws.StepFunctions;

public sealed partial class StepFunctionsClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.0");

    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal) { "ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded" };

    /// <summary>A successful answer, or the error Step Functions sent (error code and message).</summary>
    private readonly record struct CallOutcome<T>(T? Value, string? ErrorCode, string? Message, HttpStatusCode Status)
        where T : class
    {
        public StepFunctionsException ToException(string what) => new StepFunctionsException(
            $"{what} failed: {ErrorCode ?? "no error code"} (HTTP {(int)Status}): {Message}. Check the ARN, the state machine and the caller's IAM policy.",
            ErrorCode);
    }

    /// <summary>
    /// POSTs one JSON 1.0 call (<c>X-Amz-Target: AWSStepFunctions.&lt;operation&gt;</c>). Idempotent calls are retried
    /// with jittered backoff on throttling, 5xx and timeouts; when attempts run out, throttling becomes
    /// <see cref="ThrottledException"/> and the rest <see cref="StorageOutcomeUnknownException"/>.
    /// </summary>
    private async Task<CallOutcome<TResponse>> CallAsync<TRequest, TResponse>(
        string operation, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, bool idempotent, string what, CancellationToken cancellationToken)
        where TResponse : class
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        var attempts = idempotent ? Math.Max(1, _options.MaxAttempts) : 1;
        for (var attempt = 1; ; attempt++)
        {
            Exception? transient;
            try
            {
                using var message = new HttpRequestMessage(HttpMethod.Post, _options.Endpoint) { Content = new ByteArrayContent(body) };
                message.Content.Headers.ContentType = JsonContentType;
                message.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSStepFunctions." + operation);
                using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
                var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return new CallOutcome<TResponse>(JsonSerializer.Deserialize(payload, responseType), null, null, response.StatusCode);
                }

                var (code, text) = ParseError(response, payload);
                var throttled = (code is not null && ThrottlingCodes.Contains(code)) || response.StatusCode == HttpStatusCode.TooManyRequests;
                if (!throttled && (int)response.StatusCode < 500)
                {
                    return new CallOutcome<TResponse>(null, code, text, response.StatusCode);
                }

                transient = throttled
                    ? new ThrottledException($"{what} was throttled by Step Functions ({code}) after {attempt} attempts. Retry later with backoff.", null)
                    : new StorageOutcomeUnknownException($"{what} failed with HTTP {(int)response.StatusCode} ({code}: {text}); it may or may not have been applied. Retry (StartExecution is idempotent by name).", null);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                transient = new StorageOutcomeUnknownException($"{what} got no answer ({e.GetType().Name}: {e.Message}); it may or may not have been applied. Retry (StartExecution is idempotent by name).", e);
            }
            catch (JsonException e)
            {
                throw new StepFunctionsException($"{what} returned a body that is not the expected JSON ({e.Message}). Check the endpoint ({_options.Endpoint}).", null, e);
            }

            if (attempt >= attempts)
            {
                throw transient;
            }

            await Backoff.DelayAsync(attempt, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static (string? Code, string? Message) ParseError(HttpResponseMessage response, byte[] payload)
    {
        string? code = null;
        string? message = null;
        try
        {
            if (payload.Length > 0 && JsonSerializer.Deserialize(payload, StepFunctionsJsonContext.Default.ErrorResponse) is { } error)
            {
                code = error.Type;
                message = error.Message ?? error.MessageUpper;
            }
        }
        catch (JsonException)
        {
            message = System.Text.Encoding.UTF8.GetString(payload.AsSpan(0, Math.Min(payload.Length, 500)));
        }

        if (code is null && response.Headers.TryGetValues("x-amzn-ErrorType", out var values))
        {
            code = values.FirstOrDefault();
        }

        // "com.amazonaws.swf.service.v2.model#ExecutionAlreadyExists" or "ExecutionAlreadyExists:http://..."
        if (code is not null)
        {
            var hash = code.LastIndexOf('#');
            code = hash >= 0 ? code[(hash + 1)..] : code;
            var colon = code.IndexOf(':', StringComparison.Ordinal);
            code = colon >= 0 ? code[..colon] : code;
        }

        return (code, message);
    }
}
