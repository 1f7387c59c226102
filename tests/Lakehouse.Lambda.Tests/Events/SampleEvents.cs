using Lakehouse.Testing;

namespace Lakehouse.Lambda.Tests.Events;

/// <summary>The repository's events/*.json sample events (the ones `sam local invoke -e` uses).</summary>
internal static class SampleEvents
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "events", name));
}
