using System.Collections.Concurrent;
using System.Text;
using Lakehouse.Delta.Storage;
using Lakehouse.Pipelines.Definitions;

namespace Lakehouse.Functions.Pipelines;

/// <summary>
/// Pipeline definitions kept in the lake bucket at <c>_pipelines/&lt;pipeline&gt;.yaml</c>, parsed with
/// <see cref="PipelineDefinitionParser"/> and cached for the life of the sandbox. Every lookup HEADs the object and
/// reparses only when its ETag changed, so an uploaded change is seen by the next invocation without a redeploy.
/// </summary>
public sealed class PipelineDefinitionStore
{
    /// <summary>Folder of the definitions in the lake bucket.</summary>
    public const string Folder = "_pipelines";

    private readonly IObjectStore _lake;
    private readonly ConcurrentDictionary<string, (string? ETag, PipelineDefinition Definition)> _cache = new(StringComparer.Ordinal);

    public PipelineDefinitionStore(IObjectStore lake)
    {
        _lake = lake ?? throw new ArgumentNullException(nameof(lake));
    }

    /// <summary>The key of <paramref name="pipeline"/>'s definition.</summary>
    public static string KeyOf(string pipeline) => $"{Folder}/{pipeline}.yaml";

    /// <summary>The definition of <paramref name="pipeline"/>.</summary>
    /// <exception cref="PipelineNotFoundException">There is no <c>_pipelines/&lt;pipeline&gt;.yaml</c>.</exception>
    /// <exception cref="PipelineDefinitionException">The YAML is invalid (the message points at the line).</exception>
    public async Task<PipelineDefinition> GetAsync(string pipeline, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pipeline);
        var key = KeyOf(pipeline);
        var head = await _lake.HeadAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new PipelineNotFoundException(pipeline, _lake.Describe(key));
        if (head.ETag is not null && _cache.TryGetValue(pipeline, out var cached) && cached.ETag == head.ETag)
        {
            return cached.Definition;
        }

        string yaml;
        try
        {
            await using var stream = await _lake.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            yaml = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectNotFoundException)
        {
            throw new PipelineNotFoundException(pipeline, _lake.Describe(key));
        }

        var definition = PipelineDefinitionParser.Parse(yaml, _lake.Describe(key));
        if (!string.Equals(definition.Name, pipeline, StringComparison.Ordinal))
        {
            throw new PipelineDefinitionException(
                new SourcePosition(_lake.Describe(key), 1, 1),
                $"The file is stored as pipeline '{pipeline}' but declares 'pipeline: {definition.Name}'; rename the file to _pipelines/{definition.Name}.yaml or fix the name.");
        }

        _cache[pipeline] = (head.ETag, definition);
        return definition;
    }

    /// <summary>Names of every pipeline with a definition (<c>_pipelines/*.yaml</c>), sorted.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var info in _lake.ListAsync(Folder + "/", null, cancellationToken).ConfigureAwait(false))
        {
            var name = info.Key[(Folder.Length + 1)..];
            if (name.EndsWith(".yaml", StringComparison.Ordinal) && !name.Contains('/', StringComparison.Ordinal))
            {
                names.Add(name[..^".yaml".Length]);
            }
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }
}
