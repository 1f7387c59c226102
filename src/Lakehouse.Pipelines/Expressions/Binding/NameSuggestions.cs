namespace Lakehouse.Pipelines.Expressions.Binding;

/// <summary>"Did you mean" candidates by edit distance (case-insensitive), closest first.</summary>
internal static class NameSuggestions
{
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates, int max = 3)
    {
        var lower = name.ToLowerInvariant();
        return candidates
            .Select(c => (Name: c, Distance: Distance(lower, c.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(2, lower.Length / 3) || c.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Name)
            .ToList();
    }

    public static string Describe(string name, IEnumerable<string> candidates)
    {
        var list = candidates.ToList();
        var close = Closest(name, list);
        if (close.Count > 0)
        {
            return $"did you mean {string.Join(" or ", close.Select(c => $"'{c}'"))}?";
        }

        return list.Count == 0 ? "there are none" : $"available: {string.Join(", ", list.Take(20))}{(list.Count > 20 ? ", ..." : string.Empty)}";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
