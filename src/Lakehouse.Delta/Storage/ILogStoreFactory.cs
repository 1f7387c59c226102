namespace Lakehouse.Delta.Storage;

/// <summary>Creates the <see cref="ILogStore"/> of one table; the deployment's configuration picks the implementation.</summary>
public interface ILogStoreFactory
{
    /// <summary>The log store for the table whose root is <paramref name="tableRoot"/> (a key prefix of <paramref name="store"/>, no trailing '/').</summary>
    ILogStore ForTable(IObjectStore store, string tableRoot);
}
