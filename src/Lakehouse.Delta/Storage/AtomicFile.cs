using System.Runtime.InteropServices;

namespace Lakehouse.Delta.Storage;

/// <summary>
/// Publishes a fully written temp file under its final name only if that name is free, atomically across processes.
/// On Unix this is <c>link(2)</c> (fails with EEXIST, never replaces) followed by removing the temp name: .NET's
/// <see cref="File.Move(string, string, bool)"/> without overwrite checks existence and then renames, which races.
/// On Windows <c>MoveFileEx</c> without MOVEFILE_REPLACE_EXISTING is already atomic.
/// </summary>
internal static partial class AtomicFile
{
    private const int EEXIST = 17;

    /// <summary>True when <paramref name="temp"/> became <paramref name="target"/>; false when the target already existed.</summary>
    public static bool TryPublish(string temp, string target)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                File.Move(temp, target, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(target))
            {
                File.Delete(temp);
                return false;
            }
        }

        if (Link(temp, target) == 0)
        {
            File.Delete(temp);
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        File.Delete(temp);
        if (errno == EEXIST)
        {
            return false;
        }

        throw new IOException($"Could not create {target} (link failed with errno {errno}). The filesystem must support hard links for put-if-absent.");
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string oldPath, string newPath);
}
