using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions.Functions;

/// <summary>
/// Date and time functions in the UTC session time zone. to_date/to_timestamp return NULL for text that does not
/// parse (they are parsers; pair them with an expectation to catch bad rows), unlike CAST which fails the run.
/// </summary>
internal static class DateFunctions
{
    public static EvalColumn CurrentDate(EvalColumn[] args, in KernelContext context) =>
        PrimitiveColumn<int>.Scalar(DataType.Date, context.Scope.RequireContext(context.Offset).Today);

    public static EvalColumn CurrentTimestamp(EvalColumn[] args, in KernelContext context) =>
        PrimitiveColumn<long>.Scalar(DataType.Timestamp, context.Scope.RequireContext(context.Offset).NowMicros);

    public static FunctionKernel ToDate(DateTimePattern? pattern) => (EvalColumn[] args, in KernelContext context) =>
    {
        var s = (BinaryColumn)args[0];
        return FunctionSupport.Primitive([s], context, (int r, out int v) =>
        {
            if (pattern is null)
            {
                return TemporalText.TryParseDate(s.ValueAt(r), out v);
            }

            var ok = pattern.TryParse(s.ValueAt(r), out var micros);
            v = TemporalText.FloorDays(micros);
            return ok;
        });
    };

    public static FunctionKernel ToTimestamp(DateTimePattern? pattern) => (EvalColumn[] args, in KernelContext context) =>
    {
        var s = (BinaryColumn)args[0];
        return FunctionSupport.Primitive([s], context, (int r, out long v) =>
            pattern is null ? TemporalText.TryParseTimestamp(s.ValueAt(r), out v) : pattern.TryParse(s.ValueAt(r), out v));
    };

    /// <summary>date_trunc(unit, ts): year, quarter, month, week (Monday), day, hour, minute, second.</summary>
    public static FunctionKernel DateTrunc(string unit) => (EvalColumn[] args, in KernelContext context) =>
    {
        var ts = (PrimitiveColumn<long>)args[0];
        return FunctionSupport.Primitive([ts], context, (int r, out long v) =>
        {
            v = Truncate(ts.ValueAt(r), unit);
            return true;
        });
    };

    public static readonly string[] TruncUnits = ["year", "yyyy", "yy", "quarter", "month", "mon", "mm", "week", "day", "dd", "hour", "minute", "second"];

    private static long Truncate(long micros, string unit)
    {
        static long Floor(long value, long unit) => value - (((value % unit) + unit) % unit);
        var days = TemporalText.FloorDays(micros);
        var date = TemporalText.ToDate(days);
        return unit switch
        {
            "year" or "yyyy" or "yy" => TemporalText.FromDate(new DateOnly(date.Year, 1, 1)) * TemporalText.MicrosPerDay,
            "quarter" => TemporalText.FromDate(new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1)) * TemporalText.MicrosPerDay,
            "month" or "mon" or "mm" => TemporalText.FromDate(new DateOnly(date.Year, date.Month, 1)) * TemporalText.MicrosPerDay,
            "week" => (days - (((int)date.DayOfWeek + 6) % 7)) * TemporalText.MicrosPerDay,
            "day" or "dd" => days * TemporalText.MicrosPerDay,
            "hour" => Floor(micros, 3_600_000_000L),
            "minute" => Floor(micros, 60_000_000L),
            _ => Floor(micros, 1_000_000L),
        };
    }

    public static FunctionKernel DateAdd(int sign) => (EvalColumn[] args, in KernelContext context) =>
    {
        var date = (PrimitiveColumn<int>)args[0];
        var n = args[1];
        var scope = context.Scope;
        var offset = context.Offset;
        return FunctionSupport.Primitive(args, context, (int r, out int v) =>
        {
            var result = date.ValueAt(r) + (sign * FunctionSupport.Integer(n, r));
            if (result is < -719_162 or > 2_932_896)
            {
                throw scope.Fail(offset, $"the date {result} days from 1970-01-01 is outside 0001-01-01..9999-12-31");
            }

            v = (int)result;
            return true;
        });
    };

    public static EvalColumn DateDiff(EvalColumn[] args, in KernelContext context)
    {
        var end = (PrimitiveColumn<int>)args[0];
        var start = (PrimitiveColumn<int>)args[1];
        return FunctionSupport.Primitive(args, context, (int r, out int v) => { v = end.ValueAt(r) - start.ValueAt(r); return true; });
    }

    /// <summary>year, month, day, dayofweek (1 = Sunday … 7 = Saturday) of a date.</summary>
    public static FunctionKernel DatePart(string part) => (EvalColumn[] args, in KernelContext context) =>
    {
        var date = (PrimitiveColumn<int>)args[0];
        return FunctionSupport.Primitive(args, context, (int r, out int v) =>
        {
            var d = TemporalText.ToDate(date.ValueAt(r));
            v = part switch
            {
                "year" => d.Year,
                "month" => d.Month,
                "day" => d.Day,
                _ => (int)d.DayOfWeek + 1,
            };
            return true;
        });
    };

    /// <summary>hour, minute, second of a timestamp.</summary>
    public static FunctionKernel TimePart(long unitMicros, long modulo) => (EvalColumn[] args, in KernelContext context) =>
    {
        var ts = (PrimitiveColumn<long>)args[0];
        return FunctionSupport.Primitive(args, context, (int r, out int v) =>
        {
            var micros = ts.ValueAt(r);
            var floor = micros >= 0 ? micros / unitMicros : ((micros + 1) / unitMicros) - 1;
            v = (int)(((floor % modulo) + modulo) % modulo);
            return true;
        });
    };

    public static FunctionKernel DateFormat(DateTimePattern pattern) => (EvalColumn[] args, in KernelContext context) =>
    {
        var ts = (PrimitiveColumn<long>)args[0];
        return FunctionSupport.Text(args, context, (int r, BinaryBuilder output) =>
        {
            var text = pattern.Format(ts.ValueAt(r));
            var target = output.Reserve(text.Length * 3);
            output.Commit(System.Text.Encoding.UTF8.GetBytes(text, target));
            return true;
        }, context.RowsFor(args) * 20);
    };
}
