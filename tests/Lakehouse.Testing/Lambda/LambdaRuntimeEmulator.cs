using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Lakehouse.Testing.Lambda;

/// <summary>
/// A Lambda Runtime API (2018-06-01) on 127.0.0.1, like the emulator <c>sam local invoke</c> runs beside a function:
/// <see cref="InvokeAsync"/> queues an event, a <c>bootstrap</c> process pulls it from <c>/runtime/invocation/next</c>,
/// and its response or error post completes the call. Init errors complete <see cref="InitError"/>.
/// </summary>
public sealed class LambdaRuntimeEmulator : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<PendingInvocation> _queue = Channel.CreateUnbounded<PendingInvocation>();
    private readonly ConcurrentDictionary<string, PendingInvocation> _inFlight = new();
    private readonly TaskCompletionSource<InvocationResult> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _serving;
    private Exception? _abandoned;

    public LambdaRuntimeEmulator(string functionName = "test-function")
    {
        FunctionName = functionName;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The value for AWS_LAMBDA_RUNTIME_API.</summary>
    public string RuntimeApi => $"127.0.0.1:{Port}";

    public string FunctionName { get; }

    public string FunctionArn => $"arn:aws:lambda:us-east-1:123456789012:function:{FunctionName}";

    /// <summary>The function timeout used when an invoke names none.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <see cref="InvokeAsync"/> waits past the deadline before giving up on the process.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Completes when the process posts to <c>/runtime/init/error</c>.</summary>
    public Task<InvocationResult> InitError => _initError.Task;

    /// <summary>Number of events handed out through <c>/next</c>.</summary>
    public int Delivered => _delivered;

    private int _delivered;

    /// <summary>
    /// Queues an event and waits for the function's response or error. <paramref name="timeout"/> is the function
    /// timeout for this invoke (it sets Lambda-Runtime-Deadline-Ms); <see cref="DefaultTimeout"/> when null.
    /// </summary>
    public async Task<InvocationResult> InvokeAsync(string eventJson, TimeSpan? timeout = null, string? traceId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        if (_abandoned is not null)
        {
            throw new InvalidOperationException("The function process is gone; no invoke can be served.", _abandoned);
        }

        var limit = timeout ?? DefaultTimeout;
        var pending = new PendingInvocation(Guid.NewGuid().ToString(), Encoding.UTF8.GetBytes(eventJson), limit, traceId);
        _inFlight[pending.RequestId] = pending;
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(limit + Grace);
        try
        {
            return await pending.Result.Task.WaitAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The function did not answer invocation {pending.RequestId} within {limit + Grace} (timeout plus grace).");
        }
        finally
        {
            _inFlight.TryRemove(pending.RequestId, out _);
        }
    }

    /// <summary>Fails every waiting and future invoke, for example when the function process exits.</summary>
    public void Abandon(Exception reason)
    {
        _abandoned = reason;
        foreach (var pending in _inFlight.Values)
        {
            pending.Result.TrySetException(reason);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
        }

        Abandon(new ObjectDisposedException(nameof(LambdaRuntimeEmulator)));
        _stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }

            // "next" blocks until an event is queued, so every request is served on its own task.
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            var path = request.Url!.AbsolutePath;
            const string prefix = "/2018-06-01/runtime/";
            if (!path.StartsWith(prefix, StringComparison.Ordinal))
            {
                await ReplyAsync(response, 404, "{\"errorMessage\":\"unknown path\"}");
                return;
            }

            var route = path[prefix.Length..];
            if (request.HttpMethod == "GET" && route == "invocation/next")
            {
                await ServeNextAsync(response);
                return;
            }

            var body = await ReadBodyAsync(request);
            if (request.HttpMethod == "POST" && route == "init/error")
            {
                // Answer first, then complete: like Lambda, the post has finished when the caller sees the outcome.
                await ReplyAsync(response, 202, "{\"status\":\"OK\"}");
                _initError.TrySetResult(new InvocationResult(string.Empty, true, request.Headers["Lambda-Runtime-Function-Error-Type"], body));
                return;
            }

            var parts = route.Split('/');
            if (request.HttpMethod == "POST" && parts.Length == 3 && parts[0] == "invocation" && parts[2] is "response" or "error"
                && _inFlight.TryGetValue(Uri.UnescapeDataString(parts[1]), out var pending))
            {
                var isError = parts[2] == "error";
                await ReplyAsync(response, 202, "{\"status\":\"OK\"}");
                pending.Result.TrySetResult(new InvocationResult(pending.RequestId, isError, isError ? request.Headers["Lambda-Runtime-Function-Error-Type"] : null, body));
                return;
            }

            await ReplyAsync(response, 400, "{\"errorMessage\":\"unknown request id or route\",\"errorType\":\"InvalidRequestID\"}");
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
        }
        catch (HttpListenerException)
        {
            // The client went away (process killed mid-request).
        }
    }

    private async Task ServeNextAsync(HttpListenerResponse response)
    {
        PendingInvocation pending;
        try
        {
            pending = await _queue.Reader.ReadAsync(_stopping.Token);
        }
        catch (OperationCanceledException)
        {
            response.Abort();
            return;
        }

        Interlocked.Increment(ref _delivered);
        var deadline = DateTimeOffset.UtcNow.Add(pending.Timeout).ToUnixTimeMilliseconds();
        response.AddHeader("Lambda-Runtime-Aws-Request-Id", pending.RequestId);
        response.AddHeader("Lambda-Runtime-Deadline-Ms", deadline.ToString(CultureInfo.InvariantCulture));
        response.AddHeader("Lambda-Runtime-Invoked-Function-Arn", FunctionArn);
        if (pending.TraceId is not null)
        {
            response.AddHeader("Lambda-Runtime-Trace-Id", pending.TraceId);
        }

        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.ContentLength64 = pending.Body.Length;
        await response.OutputStream.WriteAsync(pending.Body);
        response.Close();
    }

    private static async Task<byte[]> ReadBodyAsync(HttpListenerRequest request)
    {
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static async Task ReplyAsync(HttpListenerResponse response, int status, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed record PendingInvocation(string RequestId, byte[] Body, TimeSpan Timeout, string? TraceId)
    {
        public TaskCompletionSource<InvocationResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
