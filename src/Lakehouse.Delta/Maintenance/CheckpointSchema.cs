using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Maintenance;

/// <summary>The classic checkpoint schema (PROTOCOL.md "Checkpoint Schema") for reader 1 / writer 2 tables.</summary>
internal static class CheckpointSchema
{
    private static readonly MapType StringMap = new(DataType.String, DataType.String, true);

    public static readonly StructType Txn = new(
        new StructField("appId", DataType.String),
        new StructField("version", DataType.Long),
        new StructField("lastUpdated", DataType.Long));

    public static readonly StructType Add = new(
        new StructField("path", DataType.String),
        new StructField("partitionValues", StringMap),
        new StructField("size", DataType.Long),
        new StructField("modificationTime", DataType.Long),
        new StructField("dataChange", DataType.Boolean),
        new StructField("tags", StringMap),
        new StructField("stats", DataType.String));

    public static readonly StructType Remove = new(
        new StructField("path", DataType.String),
        new StructField("deletionTimestamp", DataType.Long),
        new StructField("dataChange", DataType.Boolean),
        new StructField("extendedFileMetadata", DataType.Boolean),
        new StructField("partitionValues", StringMap),
        new StructField("size", DataType.Long),
        new StructField("tags", StringMap));

    public static readonly StructType Format = new(
        new StructField("provider", DataType.String),
        new StructField("options", StringMap));

    public static readonly StructType MetaData = new(
        new StructField("id", DataType.String),
        new StructField("name", DataType.String),
        new StructField("description", DataType.String),
        new StructField("format", Format),
        new StructField("schemaString", DataType.String),
        new StructField("partitionColumns", new ArrayType(DataType.String, true)),
        new StructField("configuration", StringMap),
        new StructField("createdTime", DataType.Long));

    public static readonly StructType Protocol = new(
        new StructField("minReaderVersion", DataType.Integer),
        new StructField("minWriterVersion", DataType.Integer));

    public static readonly StructType Schema = new(
        new StructField("txn", Txn),
        new StructField("add", Add),
        new StructField("remove", Remove),
        new StructField("metaData", MetaData),
        new StructField("protocol", Protocol));
}
