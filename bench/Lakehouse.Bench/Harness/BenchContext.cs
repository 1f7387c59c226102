namespace Lakehouse.Bench.Harness;

/// <summary>Options of one benchmark invocation plus the folders it may use.</summary>
internal sealed record BenchContext(long Rows, int Threads, string DataDirectory, string WorkDirectory, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>A fresh, empty folder under the work directory for one run's output.</summary>
    public string NewOutputDirectory(string name)
    {
        var path = Path.Combine(WorkDirectory, $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public string Option(string key, string defaultValue) => Options.TryGetValue(key, out var v) ? v : defaultValue;
}
