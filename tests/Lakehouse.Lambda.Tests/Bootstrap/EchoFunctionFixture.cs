using Lakehouse.Testing;
using Lakehouse.Testing.Lambda;

namespace Lakehouse.Lambda.Tests.Bootstrap;

/// <summary>
/// Publishes the echo function once (self-contained, ReadyToRun, trimmed: what ships to Lambda; cached across runs)
/// and keeps one bootstrap process serving a Runtime API emulator for the whole collection, as a warm sandbox would.
/// </summary>
public sealed class EchoFunctionFixture : IAsyncLifetime
{
    public const string Prefix = "echo:";

    public static string ProjectDirectory => Path.Combine(RepositoryPaths.Root, "tests", "Lakehouse.Lambda.Tests.EchoFunction");

    public PublishedFunction Function { get; private set; } = null!;

    public LambdaRuntimeEmulator Emulator { get; private set; } = null!;

    public BootstrapProcess Process { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Function = await FunctionPublisher.PublishAsync(ProjectDirectory, PublishMode.SelfContainedReadyToRun);
        Emulator = new LambdaRuntimeEmulator("echo");
        Process = BootstrapProcess.Start(Function, Emulator, new Dictionary<string, string?>
        {
            ["ECHO_PREFIX"] = Prefix,
            ["LAKEHOUSE_TIMEOUT_MARGIN_MS"] = "300",
        });
    }

    public async Task DisposeAsync()
    {
        await Process.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}

[CollectionDefinition("echo-process")]
public sealed class EchoProcessCollection : ICollectionFixture<EchoFunctionFixture>;
