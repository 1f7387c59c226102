namespace Lakehouse.Pipelines.Transforms;

/// <summary>
/// Names of the Delta <c>txn</c> actions a target table uses to remember how far it consumed each source: appId
/// <c>&lt;pipeline&gt;/&lt;table&gt;/&lt;sourceTable&gt;</c>, version = the last source version applied. The txn is written in
/// the same commit as the data, so a version is never applied twice, and two runs recording the same appId conflict.
/// </summary>
public static class Watermarks
{
    public static string AppId(string pipeline, string table, string sourceTable) => $"{pipeline}/{table}/{sourceTable}";
}
