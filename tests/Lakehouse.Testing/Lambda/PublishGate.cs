namespace Lakehouse.Testing.Lambda;

/// <summary>
/// A cross-process lock on a file (opened exclusively; the OS releases it if the holder dies), so concurrent test
/// processes never run two publishes into one intermediate folder.
/// </summary>
internal sealed class PublishGate : IAsyncDisposable
{
    private readonly FileStream _lock;

    private PublishGate(FileStream lockFile)
    {
        _lock = lockFile;
    }

    public static async Task<PublishGate> AcquireAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow.AddMinutes(20);
        while (true)
        {
            try
            {
                return new PublishGate(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    public ValueTask DisposeAsync() => _lock.DisposeAsync();
}
