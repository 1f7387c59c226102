using Lakehouse.Pipelines.Ingestion;

namespace Lakehouse.Functions.Ingest;

/// <summary>
/// The landed objects of one invocation grouped by pipeline (the first key segment: landing layout
/// <c>&lt;pipeline&gt;/&lt;source&gt;/&lt;file&gt;</c>), remembering which SQS message carried each object.
/// </summary>
internal sealed class LandingBatch
{
    private readonly Dictionary<string, List<(LandedObject Object, string? MessageId)>> _byPipeline = new(StringComparer.Ordinal);

    public List<(LandedObject Object, string? MessageId)> WithoutPipeline { get; } = [];

    public IEnumerable<string> Pipelines => _byPipeline.Keys.Order(StringComparer.Ordinal);

    public void Add(LandedObject landed, string? messageId)
    {
        var slash = landed.Key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            WithoutPipeline.Add((landed, messageId));
            return;
        }

        var pipeline = landed.Key[..slash];
        if (!_byPipeline.TryGetValue(pipeline, out var list))
        {
            _byPipeline[pipeline] = list = [];
        }

        list.Add((landed, messageId));
    }

    public IReadOnlyList<LandedObject> Objects(string pipeline) => _byPipeline[pipeline].Select(o => o.Object).ToList();

    public IEnumerable<string> MessagesOf(string pipeline) => _byPipeline[pipeline].Select(o => o.MessageId).OfType<string>().Distinct(StringComparer.Ordinal);
}
