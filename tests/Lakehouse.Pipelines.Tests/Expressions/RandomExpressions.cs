using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Tests.Expressions;

/// <summary>Random typed expression texts and random batches (with nulls) over a fixed schema, for property tests.</summary>
internal sealed class RandomExpressions
{
    public static readonly StructType Schema = new(
        new StructField("i", DataType.Integer),
        new StructField("j", DataType.Integer),
        new StructField("l", DataType.Long),
        new StructField("d", DataType.Double),
        new StructField("m", new DecimalType(9, 2)),
        new StructField("s", DataType.String),
        new StructField("t", DataType.String),
        new StructField("b", DataType.Boolean));

    private static readonly string[] Words = ["", "a", "ab", "b", "abc", "é", "aé", "A", "xyz", "ba"];

    private readonly Random _random;

    public RandomExpressions(int seed)
    {
        _random = new Random(seed);
    }

    public RecordBatch Batch(int rows)
    {
        var batch = RecordBatch.CreateEmpty(Schema, Math.Max(rows, 1));
        for (var r = 0; r < rows; r++)
        {
            Append(batch.Columns[0], () => _random.Next(-50, 50));
            Append(batch.Columns[1], () => _random.Next(-3, 4));
            Append(batch.Columns[2], () => (long)_random.Next(-100000, 100000));
            Append(batch.Columns[3], () => Math.Round((_random.NextDouble() * 200) - 100, 3));
            Append(batch.Columns[4], () => new DecimalValue(_random.Next(-100000, 100000), 2));
            Append(batch.Columns[5], () => Words[_random.Next(Words.Length)]);
            Append(batch.Columns[6], () => Words[_random.Next(Words.Length)]);
            Append(batch.Columns[7], () => _random.Next(2) == 0);
        }

        return batch;
    }

    private void Append(ColumnVector vector, Func<object> value) => vector.AppendValue(_random.Next(5) == 0 ? null : value());

    private T Pick<T>(params T[] options) => options[_random.Next(options.Length)];

    public string Any(int depth) => _random.Next(6) switch
    {
        0 => Int(depth),
        1 => Bool(depth),
        2 => Double(depth),
        3 => Decimal(depth),
        4 => Text(depth),
        _ => Long(depth),
    };

    public string Int(int depth)
    {
        if (depth <= 0 || _random.Next(4) == 0)
        {
            return Pick("i", "j", "3", "-2", "0", "NULL", "length(s)");
        }

        return _random.Next(9) switch
        {
            0 => $"({Int(depth - 1)} + {Int(depth - 1)})",
            1 => $"({Int(depth - 1)} - {Int(depth - 1)})",
            2 => $"({Int(depth - 1)} * {Pick("i", "j", "2")})",
            3 => $"(-{Int(depth - 1)})",
            4 => $"({Int(depth - 1)} % {Pick("j", "i", "0", "3")})",
            5 => $"abs({Int(depth - 1)})",
            6 => $"CASE WHEN {Bool(depth - 1)} THEN {Int(depth - 1)} ELSE {Int(depth - 1)} END",
            7 => $"coalesce({Int(depth - 1)}, {Int(depth - 1)})",
            _ => $"CASE {Int(depth - 1)} WHEN 1 THEN {Int(depth - 1)} WHEN 2 THEN 5 END",
        };
    }

    public string Long(int depth) => depth <= 0 || _random.Next(3) == 0
        ? Pick("l", "100000000000", "CAST(i AS bigint)")
        : $"({Long(depth - 1)} {Pick("+", "-", "%")} {Pick(Int(depth - 1), Long(depth - 1))})";

    public string Double(int depth)
    {
        if (depth <= 0 || _random.Next(4) == 0)
        {
            return Pick("d", "1.5e0", "CAST(i AS double)", "0.0e0");
        }

        return _random.Next(5) switch
        {
            0 => $"({Double(depth - 1)} {Pick("+", "-", "*")} {Pick(Double(depth - 1), Int(depth - 1))})",
            1 => $"({Int(depth - 1)} / {Int(depth - 1)})",
            2 => $"({Double(depth - 1)} / {Pick("d", "j", "2")})",
            3 => $"({Decimal(depth - 1)} + {Double(depth - 1)})",
            _ => $"abs({Double(depth - 1)})",
        };
    }

    public string Decimal(int depth)
    {
        if (depth <= 0 || _random.Next(4) == 0)
        {
            return Pick("m", "1.25", "-0.5", "CAST(j AS decimal(5,1))");
        }

        return _random.Next(5) switch
        {
            0 => $"({Decimal(depth - 1)} {Pick("+", "-")} {Pick(Decimal(depth - 1), Int(depth - 1))})",
            1 => $"({Decimal(depth - 1)} * {Pick("m", "2", "0.5", "j")})",
            2 => $"(m / {Pick("j", "m", "3", "1.5")})",
            3 => $"(m % {Pick("j", "0.7")})",
            _ => $"coalesce({Decimal(depth - 1)}, 0)",
        };
    }

    public string Text(int depth)
    {
        if (depth <= 0 || _random.Next(3) == 0)
        {
            return Pick("s", "t", "'ab'", "NULL");
        }

        return _random.Next(6) switch
        {
            0 => $"upper({Text(depth - 1)})",
            1 => $"lower({Text(depth - 1)})",
            2 => $"concat({Text(depth - 1)}, {Text(depth - 1)})",
            3 => $"substring({Text(depth - 1)}, {Pick("1", "2", "-1", "j")}, {Pick("1", "2", "j")})",
            4 => $"coalesce({Text(depth - 1)}, 'z')",
            _ => $"CASE WHEN {Bool(depth - 1)} THEN {Text(depth - 1)} END",
        };
    }

    public string Bool(int depth)
    {
        if (depth <= 0 || _random.Next(5) == 0)
        {
            return Pick("b", "TRUE", "FALSE", "NULL", "s = t");
        }

        return _random.Next(12) switch
        {
            0 => $"({Int(depth - 1)} {Pick("=", "!=", "<", "<=", ">", ">=", "<=>")} {Int(depth - 1)})",
            1 => $"({Double(depth - 1)} {Pick("<", ">", "=")} {Pick(Int(depth - 1), Decimal(depth - 1))})",
            2 => $"({Decimal(depth - 1)} {Pick("<", ">=", "=")} {Int(depth - 1)})",
            3 => $"({Text(depth - 1)} {Pick("=", "<", ">", "<=>")} {Text(depth - 1)})",
            4 => $"({Bool(depth - 1)} AND {Bool(depth - 1)})",
            5 => $"({Bool(depth - 1)} OR {Bool(depth - 1)})",
            6 => $"(NOT {Bool(depth - 1)})",
            7 => $"({Any(depth - 1)} IS {Pick("", "NOT ")}NULL)",
            8 => $"({Int(depth - 1)} {Pick("", "NOT ")}IN (1, 2, {Pick("3", "NULL", "-2")}))",
            9 => $"({Int(depth - 1)} {Pick("", "NOT ")}BETWEEN {Int(depth - 1)} AND {Int(depth - 1)})",
            10 => $"({Text(depth - 1)} {Pick("", "NOT ")}LIKE {Pick("'a%'", "'%b'", "'_b%'", "'%é%'", "'a_c'", "t")})",
            _ => $"({Text(depth - 1)} {Pick("", "NOT ")}IN ('a', 'ab', {Pick("'é'", "NULL")}))",
        };
    }
}
