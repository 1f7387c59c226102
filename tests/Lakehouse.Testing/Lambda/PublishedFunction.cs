namespace Lakehouse.Testing.Lambda;

/// <summary>
/// A published function folder and how to start it: <see cref="Executable"/> is the <c>bootstrap</c> file, or
/// <c>dotnet</c> with the dll path in <see cref="Arguments"/> (framework-dependent). <see cref="SizeBytes"/> is the
/// published folder's total size (the deployment package before zipping); <see cref="FromCache"/> is true when an
/// earlier run's publish was reused (then <see cref="PublishTime"/> is zero).
/// </summary>
public sealed record PublishedFunction(
    string Directory,
    string Executable,
    IReadOnlyList<string> Arguments,
    PublishMode Mode,
    long SizeBytes,
    TimeSpan PublishTime,
    bool FromCache);
