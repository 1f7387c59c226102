using Lakehouse.Delta.Storage;
using Lakehouse.Testing.IO;

namespace Lakehouse.Aws.Tests.Storage;

/// <summary>The same contract suite against the local filesystem store, so both backends are held to one standard.</summary>
public sealed class FileSystemObjectStoreContractTests : ObjectStoreContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<IObjectStore> CreateStoreAsync() => Task.FromResult<IObjectStore>(new FileSystemObjectStore(_directory.Path));

    public void Dispose() => _directory.Dispose();
}
