using Lakehouse.Parquet.Data;
using Lakehouse.Parquet.Meta;

namespace Lakehouse.Parquet.Schema;

/// <summary>A file's schema in three views: logical <see cref="StructType"/>, field nodes with levels, and leaf columns.</summary>
internal sealed record ParquetSchema(
    StructType Type, IReadOnlyList<FieldNode> Fields, IReadOnlyList<ColumnDescriptor> Leaves, IReadOnlyList<SchemaElement> Elements);
