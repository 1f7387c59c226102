using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Lakehouse.Lambda.Runtime;

/// <summary>
/// <see cref="IRuntimeApiClient"/> over HTTP/1.1 to <c>http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/</c>.
/// Owns its <see cref="HttpClient"/> for the lifetime of the process (one per sandbox).
/// </summary>
public sealed class RuntimeApiClient : IRuntimeApiClient, IDisposable
{
    internal const string RequestIdHeader = "Lambda-Runtime-Aws-Request-Id";
    internal const string DeadlineHeader = "Lambda-Runtime-Deadline-Ms";
    internal const string FunctionArnHeader = "Lambda-Runtime-Invoked-Function-Arn";
    internal const string TraceIdHeader = "Lambda-Runtime-Trace-Id";
    internal const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private readonly HttpClient _http;

    /// <param name="runtimeApi">The value of AWS_LAMBDA_RUNTIME_API, <c>host:port</c>.</param>
    public RuntimeApiClient(string runtimeApi)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeApi);
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri($"http://{runtimeApi}/2018-06-01/runtime/"),
            // "next" blocks until an event arrives, and the process is frozen between invokes: no client timeout.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<InvocationRequest> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri("invocation/next", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "invocation/next", cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var requestId = Header(response, RequestIdHeader)
            ?? throw new RuntimeApiException($"The Runtime API returned an event without the {RequestIdHeader} header. The runtime cannot answer it; check the Runtime API endpoint.");
        var deadlineText = Header(response, DeadlineHeader);
        if (!long.TryParse(deadlineText, NumberStyles.None, CultureInfo.InvariantCulture, out var deadline))
        {
            throw new RuntimeApiException($"The Runtime API returned event {requestId} with an unreadable {DeadlineHeader} header '{deadlineText}'.");
        }

        // Lambda-Runtime-Client-Context and -Cognito-Identity belong to mobile SDK invokes; nothing here uses them.
        return new InvocationRequest(requestId, deadline, Header(response, FunctionArnHeader) ?? string.Empty, Header(response, TraceIdHeader), body);
    }

    public async Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> responseJson, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(responseJson);
        content.Headers.ContentType = JsonMediaType;
        var path = $"invocation/{Uri.EscapeDataString(requestId)}/response";
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, path, cancellationToken).ConfigureAwait(false);
    }

    public Task PostInvocationErrorAsync(string requestId, RuntimeError runtimeError, CancellationToken cancellationToken)
        => PostErrorAsync($"invocation/{Uri.EscapeDataString(requestId)}/error", runtimeError, cancellationToken);

    public Task PostInitErrorAsync(RuntimeError runtimeError, CancellationToken cancellationToken)
        => PostErrorAsync("init/error", runtimeError, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task PostErrorAsync(string path, RuntimeError error, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(error, RuntimeJsonContext.Default.RuntimeError);
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = JsonMediaType;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.TryAddWithoutValidation(ErrorTypeHeader, error.ErrorType);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, path, cancellationToken).ConfigureAwait(false);
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        // 413 (payload too large) and 400 on response posts are answers about this invoke, not a broken runtime,
        // but either way the runtime cannot continue this invoke; the loop decides what to do.
        throw new RuntimeApiException($"The Runtime API answered {(int)response.StatusCode} to {path}: {text}");
    }
}
