using System.Globalization;
using System.Text;
using Lakehouse.Parquet.Data;
using Lakehouse.Testing.Interop;
using Lakehouse.Testing.IO;

namespace Lakehouse.Parquet.Tests.Interop;

/// <summary>Files DuckDB writes (every codec, dictionary or plain, data page v1 and v2 with DELTA encodings) read identically.</summary>
public sealed class DuckDbWrittenFilesTests
{
    private const string Source =
        "SELECT i::BIGINT AS id, (i % 100)::INTEGER AS small, (i % 7)::TINYINT AS tiny, (i % 300)::SMALLINT AS sm, (i % 200)::UTINYINT AS u8, " +
        "(i * 100000)::UINTEGER AS u32, CASE WHEN i % 10 = 0 THEN NULL ELSE 'str-' || (i % 50) END AS s, " +
        "CASE WHEN i % 9 = 0 THEN NULL ELSE 'unique-' || i || repeat('x', (i % 5)::INTEGER) END AS us, (i * 0.25)::DOUBLE AS dbl, (i * 0.5)::FLOAT AS flt, " +
        "DATE '1960-01-01' + (i * 3)::INTEGER AS d, TIMESTAMP '1965-01-01 00:00:00' + to_microseconds(i * 1234567) AS ts, " +
        "(TIMESTAMP '1965-01-01 00:00:00' + to_microseconds(i * 7654321))::TIMESTAMP_NS AS tsns, " +
        "(TIMESTAMP '2020-01-01 00:00:00' + to_microseconds(i * 1000))::TIMESTAMPTZ AS tstz, " +
        "(i * 1.01 - 2000)::DECIMAL(9,2) AS dec9, (i * 12345.6789 - 99999)::DECIMAL(18,4) AS dec18, (i * 12345.6789 - 99999)::DECIMAL(38,4) AS dec38, " +
        "CASE WHEN i % 4 = 0 THEN NULL ELSE i % 2 = 0 END AS b, [i, i + 1]::BIGINT[] AS lst, {'a': i::INTEGER, 'b': 'x' || i} AS st, " +
        "MAP {'k': 'v' || i} AS mp, CASE WHEN i % 3 = 0 THEN NULL WHEN i % 3 = 1 THEN [] ELSE ['e' || i, NULL] END AS lstr, " +
        "'\\x00\\xFF'::BLOB || (i % 3)::VARCHAR::BLOB AS blb " +
        "FROM range(3000) t(i)";

    private static readonly System.Text.CompositeFormat Expected = System.Text.CompositeFormat.Parse(
        "SELECT id::VARCHAR, small::VARCHAR, tiny::VARCHAR, sm::VARCHAR, u8::VARCHAR, u32::VARCHAR, s, us, dbl::VARCHAR, flt::VARCHAR, " +
        "strftime(d, '%Y-%m-%d'), epoch_us(ts)::VARCHAR, epoch_us(tsns)::VARCHAR, epoch_us(tstz)::VARCHAR, dec9::VARCHAR, dec18::VARCHAR, dec38::VARCHAR, b::VARCHAR, " +
        "to_json(lst)::VARCHAR, to_json(st)::VARCHAR, to_json(mp)::VARCHAR, to_json(lstr)::VARCHAR, hex(blb) FROM read_parquet({0}) ORDER BY id");

    [Theory]
    [InlineData("snappy", "v1", true)]
    [InlineData("snappy", "v2", true)]
    [InlineData("gzip", "v1", false)]
    [InlineData("gzip", "v2", false)]
    [InlineData("zstd", "v1", true)]
    [InlineData("zstd", "v2", false)]
    [InlineData("uncompressed", "v1", true)]
    [InlineData("uncompressed", "v2", false)]
    public async Task DuckDbFile_ReadsSameValuesAsDuckDb(string compression, string version, bool dictionary)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("duck.parquet");
        var dict = dictionary ? string.Empty : ", DICTIONARY_SIZE_LIMIT 1";
        await InteropHarness.Shared.ExecuteDuckDbAsync(
            $"COPY ({Source}) TO {InteropHarness.SqlString(path)} (FORMAT parquet, COMPRESSION {compression}, PARQUET_VERSION {version}, ROW_GROUP_SIZE 1024{dict})");
        var expected = await InteropHarness.Shared.QueryDuckDbAsync(string.Format(CultureInfo.InvariantCulture, Expected, InteropHarness.SqlString(path)));

        using var reader = ParquetFileReader.Open(path);
        var rows = new List<string?[]>();
        await foreach (var batch in reader.ReadAllAsync())
        {
            for (var r = 0; r < batch.RowCount; r++)
            {
                rows.Add(Canonical(batch, r));
            }
        }

        Assert.Equal(3000, reader.RowCount);
        Assert.Equal(expected.Rows.Count, rows.Count);
        rows.Sort((a, b) => long.Parse(a[0]!, CultureInfo.InvariantCulture).CompareTo(long.Parse(b[0]!, CultureInfo.InvariantCulture)));
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < expected.Columns.Count; c++)
            {
                var want = expected.Rows[r]![c]?.GetValue<string>();
                var same = want == rows[r][c] || (double.TryParse(want, CultureInfo.InvariantCulture, out var x) && double.TryParse(rows[r][c], CultureInfo.InvariantCulture, out var y) && x == y);
                Assert.True(same, $"row {r} column {reader.Schema.Fields[c].Name}: DuckDB says '{want}', we read '{rows[r][c]}'");
            }
        }
    }

    [Fact]
    public async Task DuckDbFile_SchemaMapsToOurTypes()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("duck.parquet");
        await InteropHarness.Shared.ExecuteDuckDbAsync($"COPY ({Source} LIMIT 10) TO {InteropHarness.SqlString(path)} (FORMAT parquet)");

        using var reader = ParquetFileReader.Open(path);

        var s = reader.Schema;
        Assert.Equal(DataType.Long, s["id"].Type);
        Assert.Equal(DataType.Byte, s["tiny"].Type);
        Assert.Equal(DataType.Short, s["sm"].Type);
        Assert.Equal(DataType.Short, s["u8"].Type);
        Assert.Equal(DataType.Long, s["u32"].Type);
        Assert.Equal(DataType.Timestamp, s["tsns"].Type);
        Assert.Equal(new DecimalType(38, 4), s["dec38"].Type);
        Assert.Equal(new ArrayType(DataType.Long), s["lst"].Type);
        Assert.Equal(new MapType(DataType.String, DataType.String), s["mp"].Type);
        Assert.Equal(DataType.Binary, s["blb"].Type);
        Assert.Equal(0L, reader.RowGroups[0].Columns[0].Min);
        Assert.Equal(9L, reader.RowGroups[0].Columns[0].Max);
    }

    private static string?[] Canonical(RecordBatch batch, int row)
    {
        var result = new string?[batch.Columns.Count];
        for (var c = 0; c < result.Length; c++)
        {
            var column = batch.Columns[c];
            var type = column.Type;
            if (column.IsNull(row))
            {
                continue;
            }

            result[c] = type.Kind switch
            {
                TypeKind.Timestamp => ((Int64Vector)column).Values[row].ToString(CultureInfo.InvariantCulture),
                TypeKind.Binary => Convert.ToHexString(((BinaryVector)column).GetBytes(row)),
                TypeKind.Array or TypeKind.Struct or TypeKind.Map => Json(column.GetValue(row), type),
                _ => Scalar(column.GetValue(row)),
            };
        }

        return result;
    }

    private static string? Scalar(object? v) => v switch
    {
        null => null,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };

    private static string Json(object? v, DataType type)
    {
        if (v is null)
        {
            return "null";
        }

        var sb = new StringBuilder();
        switch (type)
        {
            case ArrayType at:
                sb.Append('[').AppendJoin(',', ((List<object?>)v).Select(e => Json(e, at.ElementType))).Append(']');
                break;
            case StructType st:
                var values = (object?[])v;
                sb.Append('{').AppendJoin(',', st.Fields.Select((f, i) => $"\"{f.Name}\":{Json(values[i], f.Type)}")).Append('}');
                break;
            case MapType mt:
                sb.Append('{').AppendJoin(',', ((List<KeyValuePair<object, object?>>)v).Select(p => $"\"{p.Key}\":{Json(p.Value, mt.ValueType)}")).Append('}');
                break;
            default:
                sb.Append(v is string s ? "\"" + s + "\"" : Scalar(v));
                break;
        }

        return sb.ToString();
    }
}
