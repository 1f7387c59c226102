using System.Security.Cryptography;
using System.Text;
using Lakehouse.Pipelines.Definitions;

namespace Lakehouse.Pipelines.Transforms.Gold;

/// <summary>
/// A hash of everything that decides a gold table's contents (sources, filter, keys, aggregates), kept in the table's
/// configuration under <see cref="PropertyName"/>. Groups untouched by an incremental update keep the values the
/// previous definition computed, so a changed definition (even one with the same output schema, such as a new filter)
/// must be applied by a full recompute; the fingerprint tells the two apart. The write mode is left out: it does not
/// change the contents.
/// </summary>
internal static class GoldDefinitionFingerprint
{
    public const string PropertyName = "lakehouse.gold.definition";

    public static string Of(GoldTableDefinition definition)
    {
        var text = new StringBuilder();
        text.Append("from=").AppendJoin(',', definition.From.Select(f => f.Name)).Append('\n');
        text.Append("filter=").Append(definition.Filter?.Text.Trim()).Append('\n');
        text.Append("groupBy=").AppendJoin('\u001f', definition.GroupBy.Select(g => g.Text.Trim())).Append('\n');
        foreach (var a in definition.Aggregations)
        {
            text.Append("agg=").Append(a.Name).Append(':').Append(a.Function).Append('(').Append(a.Argument?.Text.Trim()).Append(")\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}
