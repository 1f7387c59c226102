using Microsoft.Win32.SafeHandles;

namespace Lakehouse.Parquet;

/// <summary>A local file read with positional reads (thread-safe, no shared file position).</summary>
public sealed class FileRandomAccessSource : IRandomAccessSource, IDisposable
{
    private readonly SafeFileHandle _handle;

    public FileRandomAccessSource(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Name = path;
        _handle = System.IO.File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        Length = RandomAccess.GetLength(_handle);
    }

    public long Length { get; }

    public string Name { get; }

    public async ValueTask ReadAsync(long offset, Memory<byte> buffer, CancellationToken ct)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await RandomAccess.ReadAsync(_handle, buffer[total..], offset + total, ct).ConfigureAwait(false);
            if (n == 0)
            {
                throw new EndOfStreamException($"{Name}: unexpected end of file at offset {offset + total}.");
            }

            total += n;
        }
    }

    public void Dispose() => _handle.Dispose();
}
