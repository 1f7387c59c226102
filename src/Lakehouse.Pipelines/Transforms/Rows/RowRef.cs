namespace Lakehouse.Pipelines.Transforms.Rows;

/// <summary>A row of one of several batches held side by side: the batch's position in its list, and the row in it.</summary>
internal readonly record struct RowRef(int Batch, int Row);
