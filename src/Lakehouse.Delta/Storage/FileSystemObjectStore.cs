using System.Globalization;
using System.IO.Enumeration;
using System.Runtime.CompilerServices;

namespace Lakehouse.Delta.Storage;

/// <summary>
/// An <see cref="IObjectStore"/> over a local directory. Puts are atomic (temp file in the same folder, then rename);
/// put-if-absent publishes the temp file with <c>link(2)</c> (see <see cref="AtomicFile"/>): creating the target is
/// atomic and fails if it exists, even across processes, so <c>N.json</c> is never overwritten.
/// </summary>
/// <remarks>Lives in Lakehouse.Delta (not Lakehouse.Local) because Delta's own tests, golden-table reading and the CLI need it.</remarks>
public sealed class FileSystemObjectStore : IObjectStore
{
    private const string TempPrefix = ".lh-tmp-";
    private readonly string _root;

    /// <summary>Creates a store rooted at <paramref name="rootDirectory"/> (created when missing).</summary>
    public FileSystemObjectStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        _root = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(_root);
    }

    /// <summary>The absolute root directory.</summary>
    public string RootDirectory => _root;

    public string Describe(string key) => new Uri(FullPath(key)).AbsoluteUri;

    private string FullPath(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.StartsWith('/') || key.Contains("..", StringComparison.Ordinal) && key.Split('/').Contains(".."))
        {
            throw new ArgumentException($"Key '{key}' must be relative and must not contain '..'.", nameof(key));
        }

        return key.Length == 0 ? _root : Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    public Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        var info = new FileInfo(FullPath(key));
        return Task.FromResult(info.Exists ? Describe(key, info) : null);
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = FullPath(key);
        try
        {
            Stream s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous);
            return Task.FromResult(s);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ObjectNotFoundException(Describe(key), ex);
        }
    }

    public async Task<ReadOnlyMemory<byte>> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        // Only what the file still holds past the offset (a range reaching past the end is cut, as on S3).
        var info = new FileInfo(FullPath(key));
        var available = info.Exists ? Math.Max(0, info.Length - offset) : 0;
        var buffer = new byte[(int)Math.Min(length, available)];
        var read = await ReadIntoAsync(key, offset, buffer, cancellationToken).ConfigureAwait(false);
        return buffer.AsMemory(0, read);
    }

    /// <inheritdoc />
    public async ValueTask<int> ReadIntoAsync(string key, long offset, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var path = FullPath(key);
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await RandomAccess.ReadAsync(handle, buffer[read..], offset + read, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            return read;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ObjectNotFoundException(Describe(key), ex);
        }
    }

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var target = FullPath(key);
        var temp = await WriteTempAsync(target, content, cancellationToken).ConfigureAwait(false);
        File.Move(temp, target, overwrite: true);
    }

    public async Task<PutIfAbsentResult> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var target = FullPath(key);
        if (File.Exists(target))
        {
            return PutIfAbsentResult.AlreadyExists;
        }

        using var source = new MemoryStream(content.ToArray(), writable: false);
        var temp = await WriteTempAsync(target, source, cancellationToken).ConfigureAwait(false);
        return AtomicFile.TryPublish(temp, target) ? PutIfAbsentResult.Created : PutIfAbsentResult.AlreadyExists;
    }

    private static async Task<string> WriteTempAsync(string target, Stream content, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, TempPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            return temp;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, string? startAfter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var slash = prefix.LastIndexOf('/');
        var directory = FullPath(slash < 0 ? string.Empty : prefix[..slash]);
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        // Keys are built and compared from the directory entry alone; only matching entries pay for a stat (size, time),
        // so listing "after version N" in a long _delta_log stays cheap.
        var rootLength = _root.Length + 1;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
        var enumerable = new FileSystemEnumerable<string>(
            directory,
            (ref FileSystemEntry entry) => ToKey(entry.Directory, entry.FileName, rootLength),
            options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
            {
                if (entry.IsDirectory || entry.FileName.StartsWith(TempPrefix, StringComparison.Ordinal))
                {
                    return false;
                }

                var key = ToKey(entry.Directory, entry.FileName, rootLength);
                return key.StartsWith(prefix, StringComparison.Ordinal) && (startAfter is null || string.CompareOrdinal(key, startAfter) > 0);
            },
        };
        var keys = enumerable.ToList();
        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var info = new FileInfo(FullPath(key));
            if (info.Exists)
            {
                yield return Describe(key, info);
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static string ToKey(ReadOnlySpan<char> directory, ReadOnlySpan<char> fileName, int rootLength)
    {
        var relativeDirectory = directory.Length > rootLength ? directory[rootLength..] : [];
        var key = relativeDirectory.IsEmpty ? fileName.ToString() : string.Concat(relativeDirectory, "/", fileName);
        return Path.DirectorySeparatorChar == '/' ? key : key.Replace(Path.DirectorySeparatorChar, '/');
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            File.Delete(FullPath(key));
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone: delete is idempotent.
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Size, time and a weak ETag (modification ticks and size, as web servers derive them for files): rewriting a file
    /// gives it a new ETag without reading its bytes. Ingestion uses the ETag as the object's identity.
    /// </summary>
    private static ObjectInfo Describe(string key, FileInfo info) =>
        new(key, info.Length, info.LastWriteTimeUtc, string.Create(CultureInfo.InvariantCulture, $"\"{info.LastWriteTimeUtc.Ticks:x}-{info.Length:x}\""));
}
