using System.Globalization;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Aggregation;
using Lakehouse.Pipelines.Expressions.Evaluation;
using Lakehouse.Pipelines.Tests.Expressions;

namespace Lakehouse.Pipelines.Tests.Aggregation;

public sealed class GroupTableTests
{
    private static readonly StructType Schema = new(
        new StructField("region", DataType.String),
        new StructField("customer", DataType.Long),
        new StructField("price", DataType.Double),
        new StructField("amount", new DecimalType(10, 2)),
        new StructField("flag", DataType.Boolean),
        new StructField("day", DataType.Date));

    private static object?[] RandomRow(Random random)
    {
        string?[] regions = ["north", "south", "", "é", null];
        double?[] prices = [0.0, -0.0, double.NaN, 1.5, null];
        return
        [
            regions[random.Next(regions.Length)],
            random.Next(5) == 0 ? null : (long?)random.Next(0, 6),
            prices[random.Next(prices.Length)],
            random.Next(5) == 0 ? null : new DecimalValue(random.Next(0, 3), 2),
            random.Next(3) switch { 0 => null, 1 => true, _ => (bool?)false },
            random.Next(4) == 0 ? null : new DateOnly(2026, 1, 1).AddDays(random.Next(3)),
        ];
    }

    /// <summary>The reference grouping: values as invariant text, -0.0 as 0.0 and every NaN as one value.</summary>
    private static string Text(object?[] row, int[] columns) => string.Join("|", columns.Select(c => row[c] switch
    {
        null => "NULL",
        double d => (d == 0 ? 0.0 : d).ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var v => v.ToString(),
    }));

    [Theory]
    [InlineData(new[] { 0, 1 }, 1)]
    [InlineData(new[] { 2 }, 2)]
    [InlineData(new[] { 3 }, 3)]
    [InlineData(new[] { 4, 0 }, 4)]
    [InlineData(new[] { 1, 2, 3, 4, 5 }, 5)]
    [InlineData(new[] { 5, 0, 1 }, 6)]
    public void Assign_CompositeKeys_GroupLikeTheReference_AndLookupFindsThem(int[] columns, int seed)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, 600).Select(_ => RandomRow(random)).ToList();
        var table = new GroupTable(columns.Select(c => Schema.Fields[c].Type).ToArray());
        var ids = new List<int>();
        foreach (var chunk in rows.Chunk(128))
        {
            var batch = Batches.Build(Schema, chunk);
            ids.AddRange(table.Assign(columns.Select(c => ColumnReader.Read(batch.Columns[c])).ToArray(), batch.RowCount));
        }

        var expected = rows.Select(r => Text(r, columns)).ToList();
        Assert.Equal(expected.Distinct().Count(), table.GroupCount);
        for (var i = 0; i < rows.Count; i++)
        {
            // The stored key of the row's group is the row's key (so equal keys share an id, and the count above is right).
            var stored = new object?[Schema.Fields.Count];
            for (var k = 0; k < columns.Length; k++)
            {
                stored[columns[k]] = table.KeyVectors[k].GetValue(ids[i]);
            }

            Assert.Equal(expected[i], Text(stored, columns));
        }

        var probe = Batches.Build(Schema, rows.Take(50).Concat([["absent", 99L, 7.0, new DecimalValue(999, 2), true, new DateOnly(2030, 1, 1)]]).ToArray());
        var found = table.Lookup(columns.Select(c => ColumnReader.Read(probe.Columns[c])).ToArray(), probe.RowCount);
        Assert.Equal(ids.Take(50), found.Take(50));
        Assert.Equal(-1, found[50]);
    }
}
