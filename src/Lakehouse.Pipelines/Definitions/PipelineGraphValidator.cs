namespace Lakehouse.Pipelines.Definitions;

/// <summary>
/// Checks the table graph of a definition: table names unique across bronze, silver and gold; every <c>from</c>
/// resolves (silver reads bronze or silver, gold reads silver); no cycles among silver tables.
/// </summary>
internal static class PipelineGraphValidator
{
    public static void Validate(PipelineDefinition definition)
    {
        var tables = new Dictionary<string, (string Layer, SourcePosition Position)>(StringComparer.OrdinalIgnoreCase);
        var sourceNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in definition.Sources)
        {
            if (!sourceNames.Add(source.Name))
            {
                throw new PipelineDefinitionException(source.Position, $"two sources are named '{source.Name}'. Source names must be unique.");
            }

            Add(tables, source.Table, "bronze", source.Position);
        }

        foreach (var silver in definition.Silver)
        {
            Add(tables, silver.Name, "silver", silver.Position);
        }

        foreach (var gold in definition.Gold)
        {
            Add(tables, gold.Name, "gold", gold.Position);
        }

        foreach (var silver in definition.Silver)
        {
            if (!tables.TryGetValue(silver.From.Name, out var target) || target.Layer == "gold")
            {
                throw new PipelineDefinitionException(
                    silver.From.Position,
                    $"silver table '{silver.Name}' reads from '{silver.From.Name}', which is not a bronze or silver table of this pipeline. " +
                    $"Known: {Known(tables, "bronze", "silver")}.");
            }
        }

        foreach (var gold in definition.Gold)
        {
            foreach (var from in gold.From)
            {
                if (!tables.TryGetValue(from.Name, out var target) || target.Layer != "silver")
                {
                    throw new PipelineDefinitionException(
                        from.Position,
                        $"gold table '{gold.Name}' reads from '{from.Name}', which is not a silver table of this pipeline. Known silver tables: {Known(tables, "silver")}.");
                }
            }
        }

        CheckCycles(definition);
    }

    private static void Add(Dictionary<string, (string Layer, SourcePosition Position)> tables, string name, string layer, SourcePosition position)
    {
        if (tables.TryGetValue(name, out var existing))
        {
            throw new PipelineDefinitionException(
                position,
                $"table name '{name}' ({layer}) is already used by a {existing.Layer} table at line {existing.Position.Line}. Table names must be unique across bronze, silver and gold.");
        }

        tables[name] = (layer, position);
    }

    private static string Known(Dictionary<string, (string Layer, SourcePosition Position)> tables, params string[] layers)
    {
        var names = tables.Where(t => layers.Contains(t.Value.Layer)).Select(t => t.Key).ToArray();
        return names.Length == 0 ? "(none)" : string.Join(", ", names);
    }

    private static void CheckCycles(PipelineDefinition definition)
    {
        var silver = definition.Silver.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        var state = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase); // 1 = on the path, 2 = done
        foreach (var table in definition.Silver)
        {
            var path = new List<string>();
            Visit(table.Name);

            void Visit(string name)
            {
                if (!silver.TryGetValue(name, out var node) || state.GetValueOrDefault(name) == 2)
                {
                    return;
                }

                if (state.GetValueOrDefault(name) == 1)
                {
                    var start = path.FindIndex(p => string.Equals(p, name, StringComparison.OrdinalIgnoreCase));
                    var cycle = string.Join(" -> ", path.Skip(start).Append(name));
                    throw new PipelineDefinitionException(node.From.Position, $"silver tables read from each other in a cycle: {cycle}. A table cannot depend on itself; break the cycle.");
                }

                state[name] = 1;
                path.Add(node.Name);
                Visit(node.From.Name);
                path.RemoveAt(path.Count - 1);
                state[name] = 2;
            }
        }
    }
}
