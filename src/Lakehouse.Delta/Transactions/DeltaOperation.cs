namespace Lakehouse.Delta.Transactions;

/// <summary>Spark's operation names, written to commitInfo.operation.</summary>
public static class DeltaOperation
{
    public const string CreateTable = "CREATE TABLE";
    public const string Write = "WRITE";
    public const string Delete = "DELETE";
    public const string Merge = "MERGE";
    public const string Update = "UPDATE";
    public const string Optimize = "OPTIMIZE";
    public const string SetTableProperties = "SET TBLPROPERTIES";
    public const string StreamingUpdate = "STREAMING UPDATE";
}
