using Lakehouse.Testing;
using Lakehouse.Testing.Lambda;

namespace Lakehouse.Functions.Tests.Process;

/// <summary>
/// Publishes the function projects once per test run (cached across runs by source hash), in parallel.
/// Framework-dependent (JIT) rather than self-contained R2R trimmed: the process behaviour under test is the same
/// code, and publishing four R2R self-contained apps on two shared cores takes minutes; the shipped R2R build is
/// exercised by the Makefiles and by bench/ (cold start). Publishes share one intermediate folder (FunctionPublisher),
/// so the libraries are compiled once for all four.
/// </summary>
internal static class PublishedFunctions
{
    public const PublishMode Mode = PublishMode.FrameworkDependent;

    private static readonly Lazy<Task<PublishedFunction>> IngestPublish = new(() => Publish("Ingest"));
    private static readonly Lazy<Task<PublishedFunction>> BillingPublish = new(() => Publish("Billing"));
    private static readonly Lazy<Task<PublishedFunction>> TransformPublish = new(() => Publish("Transform"));
    private static readonly Lazy<Task<PublishedFunction>> MaintenancePublish = new(() => Publish("Maintenance"));

    public static Task<PublishedFunction> Ingest => IngestPublish.Value;

    public static Task<PublishedFunction> Billing => BillingPublish.Value;

    public static Task<PublishedFunction> Transform => TransformPublish.Value;

    public static Task<PublishedFunction> Maintenance => MaintenancePublish.Value;

    /// <summary>Starts every publish (they run one at a time, sharing the library build; later callers reuse).</summary>
    public static Task StartAllAsync() => Task.WhenAll(Ingest, Billing, Transform, Maintenance);

    private static Task<PublishedFunction> Publish(string name) =>
        FunctionPublisher.PublishAsync(Path.Combine(RepositoryPaths.Root, "functions", name), Mode);
}
