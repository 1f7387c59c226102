using Lakehouse.Testing;
using Lakehouse.Testing.Lambda;

namespace Lakehouse.Functions.Tests.Process;

/// <summary>
/// Publishes the function projects once per test run (cached across runs by source hash), in parallel.
/// Framework-dependent (JIT) rather than self-contained R2R trimmed: the process behaviour under test is the same
/// code, and publishing four R2R self-contained apps on two shared cores takes minutes; the shipped R2R build is
/// exercised by the Makefiles and by bench/ (cold start).
/// </summary>
internal static class PublishedFunctions
{
    public const PublishMode Mode = PublishMode.FrameworkDependent;

    private static readonly Lazy<Task<PublishedFunction>> IngestPublish = new(() => Publish("Ingest"));
    private static readonly Lazy<Task<PublishedFunction>> BillingPublish = new(() => Publish("Billing"));

    public static Task<PublishedFunction> Ingest => IngestPublish.Value;

    public static Task<PublishedFunction> Billing => BillingPublish.Value;

    /// <summary>Starts both publishes at once (the first caller pays; later ones reuse).</summary>
    public static Task StartAllAsync() => Task.WhenAll(Ingest, Billing);

    private static Task<PublishedFunction> Publish(string name) =>
        FunctionPublisher.PublishAsync(Path.Combine(RepositoryPaths.Root, "functions", name), Mode);
}
