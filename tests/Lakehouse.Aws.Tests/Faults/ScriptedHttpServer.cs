using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Lakehouse.Aws.Tests.Faults;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 that answers each request with the next scripted response: for the answers moto
/// cannot produce (409 ConditionalRequestConflict, 503 SlowDown, a response slower than the client's timeout).
/// </summary>
public sealed class ScriptedHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<(System.Collections.Specialized.NameValueCollection Headers, string Body)> _details = new();
    private readonly Task _loop;

    public ScriptedHttpServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>"METHOD path If-None-Match=value" of every request received.</summary>
    public IReadOnlyList<string> Requests => _requests.ToArray();

    /// <summary>Headers and body of every request received.</summary>
    public IReadOnlyList<(System.Collections.Specialized.NameValueCollection Headers, string Body)> RequestDetails => _details.ToArray();

    public ScriptedHttpServer Then(int status, string? s3ErrorCode = null, TimeSpan? delay = null, string? jsonBody = null)
    {
        _script.Enqueue(new ScriptedResponse(status, s3ErrorCode, delay ?? TimeSpan.Zero, jsonBody));
        return this;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        _requests.Enqueue($"{request.HttpMethod} {request.Url!.AbsolutePath} If-None-Match={request.Headers["If-None-Match"]}");
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            _details.Enqueue((request.Headers, await reader.ReadToEndAsync()));
        }

        var next = _script.TryDequeue(out var scripted) ? scripted : new ScriptedResponse(500, "InternalError", TimeSpan.Zero, null);
        try
        {
            if (next.Delay > TimeSpan.Zero)
            {
                await Task.Delay(next.Delay);
            }

            var response = context.Response;
            response.StatusCode = next.Status;
            byte[] body;
            if (next.JsonBody is not null)
            {
                response.ContentType = "application/x-amz-json-1.0";
                body = Encoding.UTF8.GetBytes(next.JsonBody);
            }
            else if (next.S3ErrorCode is not null)
            {
                response.ContentType = "application/xml";
                body = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{next.S3ErrorCode}</Code><Message>scripted {next.S3ErrorCode}</Message><RequestId>r1</RequestId></Error>");
            }
            else
            {
                response.Headers["ETag"] = "\"0123456789abcdef0123456789abcdef\"";
                body = [];
            }

            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body);
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up (timeout): nothing to answer.
        }
    }

    private sealed record ScriptedResponse(int Status, string? S3ErrorCode, TimeSpan Delay, string? JsonBody);
}
