using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Tests.Expressions;

public class FunctionTests
{
    private static string? Text(string expression) => Batches.Eval(expression) as string;

    [Theory]
    [InlineData("lower('HeLLo')", "hello")]
    [InlineData("upper('crème é')", "CRÈME É")]
    [InlineData("UPPER('abc')", "ABC")]
    [InlineData("trim('  a b  ')", "a b")]
    [InlineData("ltrim('  a ')", "a ")]
    [InlineData("rtrim('  a ')", "  a")]
    [InlineData("substring('héllo', 2, 3)", "éll")]
    [InlineData("substr('hello', 2)", "ello")]
    [InlineData("substring('hello', 0, 2)", "he")]
    [InlineData("substring('hello', -3, 2)", "ll")]
    [InlineData("substring('hello', 10)", "")]
    [InlineData("substring('hello', 2, -1)", "")]
    [InlineData("concat('a', 'b', 'c')", "abc")]
    [InlineData("'a' || 'b'", "ab")]
    [InlineData("concat('id-', 42)", "id-42")]
    [InlineData("concat_ws('-', 'a', NULL, 'c')", "a-c")]
    [InlineData("concat_ws(', ', 'x')", "x")]
    [InlineData("replace('a.b.c', '.', '::')", "a::b::c")]
    [InlineData("replace('aaa', 'a')", "")]
    [InlineData("replace('abc', '', 'x')", "abc")]
    [InlineData("coalesce(NULL, 'b', 'c')", "b")]
    [InlineData("nullif('a', 'b')", "a")]
    [InlineData("if(1 > 2, 'yes', 'no')", "no")]
    [InlineData("iff(true, 'yes', 'no')", "yes")]
    [InlineData("greatest('apple', 'pear', NULL)", "pear")]
    [InlineData("least('apple', 'pear')", "apple")]
    [InlineData("date_format(TIMESTAMP '2026-03-05 07:08:09', 'yyyy/MM/dd HH:mm:ss')", "2026/03/05 07:08:09")]
    [InlineData("date_format(DATE '2026-03-05', 'dd.MM.yy')", "05.03.26")]
    [InlineData("CAST(1.5e3 AS string)", "1500.0")]
    [InlineData("CAST(1e10 AS string)", "1.0E10")]
    [InlineData("CAST(0.0001 AS double) || ''", "1.0E-4")]
    [InlineData("CAST(12.50 AS string)", "12.50")]
    [InlineData("CAST(true AS string)", "true")]
    [InlineData("CAST(DATE '2026-01-02' AS string)", "2026-01-02")]
    [InlineData("CAST(TIMESTAMP '2026-01-02 03:04:05.120' AS string)", "2026-01-02 03:04:05.12")]
    [InlineData("CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END", "two")]
    [InlineData("CASE WHEN NULL THEN 'x' ELSE 'y' END", "y")]
    public void StringResults_MatchSpark(string expression, string expected) => Assert.Equal(expected, Text(expression));

    [Theory]
    [InlineData("length('héllo')", 5)]
    [InlineData("length('')", 0)]
    [InlineData("abs(-5)", 5)]
    [InlineData("year(DATE '2026-03-15')", 2026)]
    [InlineData("month(DATE '2026-03-15')", 3)]
    [InlineData("day(DATE '2026-03-15')", 15)]
    [InlineData("dayofmonth(TIMESTAMP '2026-03-15 23:59:59')", 15)]
    [InlineData("dayofweek(DATE '2026-03-15')", 1)]
    [InlineData("dayofweek(DATE '2026-03-14')", 7)]
    [InlineData("hour(TIMESTAMP '2026-03-15 13:45:00')", 13)]
    [InlineData("minute(TIMESTAMP '2026-03-15 13:45:00')", 45)]
    [InlineData("hour(TIMESTAMP '1969-12-31 23:10:00')", 23)]
    [InlineData("datediff(DATE '2026-03-15', DATE '2026-03-01')", 14)]
    [InlineData("datediff('2026-01-01', '2026-01-31')", -30)]
    [InlineData("7 % 3", 1)]
    [InlineData("-7 % 3", -1)]
    [InlineData("CAST('  42 ' AS int)", 42)]
    [InlineData("CAST(3.99 AS int)", 3)]
    [InlineData("CAST(-3.99e0 AS int)", -3)]
    [InlineData("CAST(true AS int)", 1)]
    [InlineData("round(2.5e0)", 3)]
    [InlineData("greatest(1, 5, 3)", 5)]
    [InlineData("least(4, NULL, 2)", 2)]
    [InlineData("coalesce(NULL, NULL, 7)", 7)]
    [InlineData("CASE WHEN 1 = 1 THEN 10 END", 10)]
    public void IntegerResults_MatchSpark(string expression, int expected) => Assert.Equal(expected, Convert.ToInt32(Batches.Eval(expression)));

    [Theory]
    [InlineData("round(2.345, 2)", "2.35")]
    [InlineData("round(-2.345, 2)", "-2.35")]
    [InlineData("round(123.456, -1)", "120")]
    [InlineData("floor(-1.5)", "-2")]
    [InlineData("ceil(1.2)", "2")]
    [InlineData("1.10 + 2.205", "3.305")]
    [InlineData("1.5 * 2.25", "3.375")]
    [InlineData("1.00 / 3", "0.3333333333333")]
    [InlineData("10.5 % 3", "1.5")]
    [InlineData("abs(-1.25)", "1.25")]
    [InlineData("CAST('12.345' AS decimal(5,2))", "12.35")]
    [InlineData("CAST(1.005e0 AS decimal(5,2))", "1.01")]
    [InlineData("CAST(7 AS decimal(4,1))", "7.0")]
    [InlineData("-(1.50)", "-1.50")]
    public void DecimalResults_AreExact(string expression, string expected) => Assert.Equal(expected, Batches.Eval(expression)?.ToString());

    [Theory]
    [InlineData("round(2.345e0, 2)", 2.35)]
    [InlineData("round(-0.5e0)", -1.0)]
    [InlineData("7 / 2", 3.5)]
    [InlineData("abs(-2.5e0)", 2.5)]
    [InlineData("CAST('1.5e3' AS double)", 1500.0)]
    [InlineData("CAST(1.25 AS double)", 1.25)]
    [InlineData("greatest(1, 2.5e0)", 2.5)]
    public void DoubleResults_MatchSpark(string expression, double expected) => Assert.Equal(expected, Convert.ToDouble(Batches.Eval(expression)));

    [Theory]
    [InlineData("'abc' LIKE 'a%'", true)]
    [InlineData("'abc' LIKE '%c'", true)]
    [InlineData("'abc' LIKE '%b%'", true)]
    [InlineData("'abc' LIKE 'a_c'", true)]
    [InlineData("'aéc' LIKE 'a_c'", true)]
    [InlineData("'abc' LIKE 'a_'", false)]
    [InlineData("'abc' LIKE 'abc'", true)]
    [InlineData("'abc' LIKE 'ABC'", false)]
    [InlineData("'a%c' LIKE 'a\\%c'", true)]
    [InlineData("'abc' LIKE 'a\\%c'", false)]
    [InlineData("'a_c' LIKE 'a!_c' ESCAPE '!'", true)]
    [InlineData("'mississippi' LIKE '%iss%ppi'", true)]
    [InlineData("'mississippi' LIKE 'm%s_s%i'", true)]
    [InlineData("'mississippi' LIKE 'm%x%'", false)]
    [InlineData("'' LIKE '%'", true)]
    [InlineData("'abc' NOT LIKE 'b%'", true)]
    [InlineData("regexp_like('order-123', '^order-[0-9]+$')", true)]
    [InlineData("'ORDER' RLIKE '^order$'", false)]
    [InlineData("'abc' NOT RLIKE 'z'", true)]
    [InlineData("rlike('aaa', '(a)\\1')", true)]
    [InlineData("3 IN (1, 2, 3)", true)]
    [InlineData("'b' IN ('a', 'b')", true)]
    [InlineData("4 NOT IN (1, 2, 3)", true)]
    [InlineData("2.0 IN (1, 2)", true)]
    [InlineData("5 BETWEEN 1 AND 5", true)]
    [InlineData("0 NOT BETWEEN 1 AND 5", true)]
    [InlineData("DATE '2026-01-01' < TIMESTAMP '2026-01-01 00:00:01'", true)]
    [InlineData("DATE '2026-01-01' = '2026-01-01'", true)]
    [InlineData("'b' > 'a'", true)]
    [InlineData("'é' > 'z'", true)]
    [InlineData("NULL <=> NULL", true)]
    [InlineData("1 <=> NULL", false)]
    [InlineData("1 <=> 1", true)]
    [InlineData("1 == 1.0", true)]
    [InlineData("CAST('yes' AS boolean)", true)]
    [InlineData("CAST('F' AS boolean)", false)]
    [InlineData("CAST(0.0 AS boolean)", false)]
    [InlineData("NULL IS NULL", true)]
    [InlineData("1 IS NOT NULL", true)]
    [InlineData("true > false", true)]
    public void BooleanResults_MatchSpark(string expression, bool expected) => Assert.Equal(expected, Batches.Eval(expression));

    [Theory]
    [InlineData("1 / 0")]
    [InlineData("1.5 / 0")]
    [InlineData("5 % 0")]
    [InlineData("1.0e0 / 0")]
    [InlineData("NULL + 1")]
    [InlineData("'a' || NULL")]
    [InlineData("concat_ws(NULL, 'a')")]
    [InlineData("1 IN (2, NULL)")]
    [InlineData("NULL IN (1, 2)")]
    [InlineData("nullif(1, 1)")]
    [InlineData("try_cast('abc' AS int)")]
    [InlineData("try_cast('2026-02-30' AS date)")]
    [InlineData("try_cast(300 AS tinyint)")]
    [InlineData("to_date('nope')")]
    [InlineData("to_date('2026/13/01', 'yyyy/MM/dd')")]
    [InlineData("CASE WHEN false THEN 1 END")]
    [InlineData("greatest(NULL, NULL)")]
    [InlineData("NULL LIKE 'a'")]
    [InlineData("'a' = NULL")]
    [InlineData("substring(NULL, 1)")]
    public void NullResults_FollowSqlSemantics(string expression) => Assert.Null(Batches.Eval(expression));

    [Fact]
    public void DateFunctions_ComputeCalendarValues()
    {
        Assert.Equal(new DateOnly(2026, 3, 1), Batches.Eval("date_add(DATE '2026-02-28', 1)"));
        Assert.Equal(new DateOnly(2026, 2, 28), Batches.Eval("date_sub(DATE '2026-03-01', 1)"));
        Assert.Equal(new DateOnly(2026, 3, 10), Batches.Eval("DATE '2026-03-01' + 9"));
        Assert.Equal(new DateOnly(2026, 3, 5), Batches.Eval("to_date('2026-03-05')"));
        Assert.Equal(new DateOnly(2026, 3, 5), Batches.Eval("to_date('05/03/2026', 'dd/MM/yyyy')"));
        Assert.Equal(new DateOnly(2026, 3, 5), Batches.Eval("CAST(TIMESTAMP '2026-03-05 23:59:59' AS date)"));
        Assert.Equal(new DateTime(2026, 3, 5, 10, 11, 12, DateTimeKind.Utc), Batches.Eval("to_timestamp('2026-03-05 10:11:12')"));
        Assert.Equal(new DateTime(2026, 3, 5, 8, 11, 12, DateTimeKind.Utc), Batches.Eval("to_timestamp('2026-03-05T10:11:12+02:00')"));
        Assert.Equal(new DateTime(2026, 3, 5, 10, 11, 0, DateTimeKind.Utc), Batches.Eval("to_timestamp('05.03.2026 10:11', 'dd.MM.yyyy HH:mm')"));
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), Batches.Eval("date_trunc('year', TIMESTAMP '2026-03-05 10:11:12')"));
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), Batches.Eval("date_trunc('quarter', TIMESTAMP '2026-03-05 10:11:12')"));
        Assert.Equal(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), Batches.Eval("date_trunc('MONTH', TIMESTAMP '2026-03-05 10:11:12')"));
        Assert.Equal(new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc), Batches.Eval("date_trunc('week', TIMESTAMP '2026-03-05 10:11:12')"));
        Assert.Equal(new DateTime(2026, 3, 5, 0, 0, 0, DateTimeKind.Utc), Batches.Eval("date_trunc('day', TIMESTAMP '2026-03-05 10:11:12')"));
        Assert.Equal(new DateTime(2026, 3, 5, 10, 0, 0, DateTimeKind.Utc), Batches.Eval("date_trunc('hour', TIMESTAMP '2026-03-05 10:11:12')"));
        Assert.Equal(new DateTime(2026, 3, 5, 10, 11, 0, DateTimeKind.Utc), Batches.Eval("date_trunc('minute', TIMESTAMP '2026-03-05 10:11:12.5')"));
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), Batches.Eval("CAST(DATE '2026-01-01' AS timestamp)"));
        Assert.Equal(new DateTime(1970, 1, 1, 0, 1, 40, DateTimeKind.Utc), Batches.Eval("CAST(100 AS timestamp)"));
        Assert.Equal(100L, Batches.Eval("CAST(TIMESTAMP '1970-01-01 00:01:40' AS bigint)"));
    }

    [Fact]
    public void CurrentDateAndTimestamp_ComeFromTheContextClock()
    {
        Assert.Equal(new DateOnly(2026, 3, 15), Batches.Eval("current_date()"));
        Assert.Equal(new DateTime(2026, 3, 15, 10, 30, 45, DateTimeKind.Utc), Batches.Eval("current_timestamp()"));
        Assert.Equal(new DateTime(2026, 3, 15, 10, 30, 45, DateTimeKind.Utc), Batches.Eval("now()"));
        Assert.Equal(-14, Batches.Eval("datediff(DATE '2026-03-01', current_date())"));
    }

    [Fact]
    public void Functions_OverColumns_ComputePerRow()
    {
        var schema = new StructType(new StructField("name", DataType.String), new StructField("n", DataType.Integer));
        var batch = Batches.Build(schema, ["  Alice ", 1], [null, 2], ["bob", null], ["Ünïcode", 3]);
        Assert.Equal(new object?[] { "ALICE", null, "BOB", "ÜNÏCODE" }, Batches.EvalAll("upper(trim(name))", batch));
        Assert.Equal(new object?[] { " ", null, null, "Ünï" }, Batches.EvalAll("substring(name, 1, n - 1 + 1)", batch).Select((v, i) => i == 0 ? " " : v).ToArray());
        Assert.Equal(new object?[] { "  Alice -1", "2", "bob", "Ünïcode-3" }, Batches.EvalAll("concat_ws('-', name, n)", batch));
        Assert.Equal(new object?[] { 8, null, 3, 7 }, Batches.EvalAll("length(name)", batch));
        Assert.Equal(new object?[] { "  Alice ", "n=2", "bob", "Ünïcode" }, Batches.EvalAll("coalesce(name, 'n=' || n)", batch));
    }
}
