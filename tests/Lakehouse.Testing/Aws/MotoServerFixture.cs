using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Xunit;

namespace Lakehouse.Testing.Aws;

/// <summary>
/// Runs a real <c>moto_server</c> (S3, DynamoDB, Step Functions APIs) on a free 127.0.0.1 port for the lifetime
/// of a test collection and hands out AWS SDK clients pointed at it. Use it as an xunit collection fixture:
/// declare <c>[CollectionDefinition("moto")] public sealed class MotoCollection : ICollectionFixture&lt;MotoServerFixture&gt;;</c>
/// in the test assembly. A missing or broken moto_server fails the tests with a message; it never skips them.
/// </summary>
public sealed class MotoServerFixture : IAsyncLifetime, IDisposable
{
    public const string Region = "us-east-1";

    private Process? _process;
    private readonly List<string> _output = [];

    /// <summary>http://127.0.0.1:PORT</summary>
    public string Endpoint { get; private set; } = string.Empty;

    public int Port { get; private set; }

    /// <summary>Dummy credentials; moto accepts any.</summary>
    public static AWSCredentials Credentials { get; } = new BasicAWSCredentials("testing", "testing");

    public async Task InitializeAsync()
    {
        var executable = FindMotoServer();
        Port = FreePort();
        Endpoint = $"http://127.0.0.1:{Port}";
        var psi = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-H");
        psi.ArgumentList.Add("127.0.0.1");
        psi.ArgumentList.Add("-p");
        psi.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        psi.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        psi.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        psi.Environment["AWS_DEFAULT_REGION"] = Region;
        psi.Environment["MOTO_ALLOW_NONEXISTENT_REGION"] = "true";
        _process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {executable}.");
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"moto_server exited with code {_process.ExitCode} before answering on {Endpoint}. Output:\n{RecentOutput()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint + "/moto-api/"));
                if ((int)response.StatusCode < 500)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"moto_server did not answer on {Endpoint} within 60 s. Output:\n{RecentOutput()}");
    }

    /// <summary>An S3 client for this server (path-style addressing, checksums only when required).</summary>
    public AmazonS3Client CreateS3Client() => new(Credentials, new AmazonS3Config
    {
        ServiceURL = Endpoint,
        ForcePathStyle = true,
        AuthenticationRegion = Region,
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        MaxErrorRetry = 2,
    });

    /// <summary>A DynamoDB client for this server.</summary>
    public AmazonDynamoDBClient CreateDynamoDbClient() => new(Credentials, new AmazonDynamoDBConfig
    {
        ServiceURL = Endpoint,
        AuthenticationRegion = Region,
        MaxErrorRetry = 2,
    });

    /// <summary>A bucket or table name unique to this call (moto state is shared by the whole collection).</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();

    /// <summary>Clears all moto state (POST /moto-api/reset).</summary>
    public async Task ResetAsync()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(Endpoint + "/moto-api/reset"), null);
        response.EnsureSuccessStatusCode();
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            try
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
            }
        }

        _process?.Dispose();
        _process = null;
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 200)
            {
                _output.RemoveAt(0);
            }
        }
    }

    private string RecentOutput()
    {
        lock (_output)
        {
            return string.Join('\n', _output.TakeLast(40));
        }
    }

    private static string FindMotoServer()
    {
        var candidates = new List<string>();
        var fromEnv = Environment.GetEnvironmentVariable("MOTO_SERVER");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            candidates.Add(fromEnv);
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            candidates.Add(Path.Combine(dir, "moto_server"));
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        candidates.Add(Path.Combine(home, ".pyenv", "shims", "moto_server"));
        candidates.Add("/usr/local/bin/moto_server");

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "moto_server was not found (looked on PATH, in ~/.pyenv/shims and at $MOTO_SERVER). The S3/DynamoDB integration tests need it: " +
                "install Python moto 5.2 with its server extra (pip install 'moto[server]==5.2.*') or set MOTO_SERVER to its path.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
