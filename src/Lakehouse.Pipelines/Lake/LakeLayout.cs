namespace Lakehouse.Pipelines.Lake;

/// <summary>
/// Where everything of a pipeline lives in the lake store (keys relative to the store root):
/// <code>
/// &lt;root&gt;/&lt;pipeline&gt;/bronze|silver|gold/&lt;table&gt;   Delta tables
/// &lt;root&gt;/&lt;pipeline&gt;/_system/events                   the pipeline event log (a Delta table)
/// &lt;root&gt;/&lt;pipeline&gt;/_system/tombstones/&lt;table&gt;      delete tombstones of a merge/scd2 silver table (a Delta table)
/// &lt;root&gt;/&lt;pipeline&gt;/_system/ingested/&lt;source&gt;/    exactly-once markers of ingested objects
/// &lt;root&gt;/&lt;pipeline&gt;/_quarantine/&lt;source&gt;/          error reports of unreadable files
/// </code>
/// Names starting with '_' are never data tables, matching Delta's rule for hidden paths.
/// </summary>
public sealed record LakeLayout(string Root = "")
{
    public string Pipeline(string pipeline) => Join(Root, pipeline);

    public string Table(string pipeline, MedallionLayer layer, string table) =>
        $"{Pipeline(pipeline)}/{layer.ToString().ToLowerInvariant()}/{table}";

    public string EventLog(string pipeline) => $"{Pipeline(pipeline)}/_system/events";

    /// <summary>The delete tombstones of silver table <paramref name="table"/> (see Transforms/README.md, "Delete tombstones").</summary>
    public string Tombstones(string pipeline, string table) => $"{Pipeline(pipeline)}/_system/tombstones/{table}";

    public string IngestedMarkers(string pipeline, string source) => $"{Pipeline(pipeline)}/_system/ingested/{source}";

    public string Quarantine(string pipeline, string source) => $"{Pipeline(pipeline)}/_quarantine/{source}";

    private static string Join(string root, string name)
    {
        var r = (root ?? string.Empty).Trim('/');
        return r.Length == 0 ? name : $"{r}/{name}";
    }
}
