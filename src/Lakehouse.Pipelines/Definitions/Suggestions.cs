using Lakehouse.Pipelines.Expressions.Binding;

namespace Lakehouse.Pipelines.Definitions;

/// <summary>"Did you mean" for definition keys and names: the same edit-distance rule as expression names.</summary>
internal static class Suggestions
{
    /// <summary>The candidate closest to <paramref name="text"/> if it is close enough to be a likely typo, else null.</summary>
    public static string? Closest(string text, IReadOnlyCollection<string> candidates)
    {
        var closest = NameSuggestions.Closest(text, candidates, max: 1);
        return closest.Count == 0 ? null : closest[0];
    }
}
