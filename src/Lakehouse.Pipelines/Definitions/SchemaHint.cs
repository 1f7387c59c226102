using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Definitions;

/// <summary>A column type fixed by the definition (<c>schemaHints</c>); it overrides inference for that column.</summary>
public sealed record SchemaHint(string Column, DataType Type, SourcePosition Position);
