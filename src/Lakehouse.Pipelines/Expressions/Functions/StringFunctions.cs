using System.Text;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions.Functions;

/// <summary>String functions over UTF-8 bytes. ASCII input takes byte-level fast paths; other text is decoded per value.</summary>
internal static class StringFunctions
{
    public static EvalColumn Lower(EvalColumn[] args, in KernelContext context) => ChangeCase(args, context, upper: false);

    public static EvalColumn Upper(EvalColumn[] args, in KernelContext context) => ChangeCase(args, context, upper: true);

    private static BinaryColumn ChangeCase(EvalColumn[] args, in KernelContext context, bool upper)
    {
        var s = (BinaryColumn)args[0];
        return FunctionSupport.Text(args, context, (int r, BinaryBuilder output) =>
        {
            var value = s.ValueAt(r);
            var target = output.Reserve(value.Length * 3);
            int written;
            if (Ascii.IsValid(value))
            {
                _ = upper ? Ascii.ToUpper(value, target, out written) : Ascii.ToLower(value, target, out written);
            }
            else
            {
                var text = Encoding.UTF8.GetString(value);
                written = Encoding.UTF8.GetBytes(upper ? text.ToUpperInvariant() : text.ToLowerInvariant(), target);
            }

            output.Commit(written);
            return true;
        });
    }

    public static EvalColumn Trim(EvalColumn[] args, in KernelContext context) => TrimCore(args, context, true, true);

    public static EvalColumn LeftTrim(EvalColumn[] args, in KernelContext context) => TrimCore(args, context, true, false);

    public static EvalColumn RightTrim(EvalColumn[] args, in KernelContext context) => TrimCore(args, context, false, true);

    private static BinaryColumn TrimCore(EvalColumn[] args, in KernelContext context, bool start, bool end)
    {
        var s = (BinaryColumn)args[0];
        return FunctionSupport.Text(args, context, (int r, BinaryBuilder output) =>
        {
            var value = s.ValueAt(r);
            if (start)
            {
                value = value.TrimStart((byte)' ');
            }

            if (end)
            {
                value = value.TrimEnd((byte)' ');
            }

            output.Append(value);
            return true;
        });
    }

    public static EvalColumn Length(EvalColumn[] args, in KernelContext context)
    {
        var s = (BinaryColumn)args[0];
        var characters = s.Type.Kind == Parquet.Data.TypeKind.String;
        return FunctionSupport.Primitive(args, context, (int r, out int v) =>
        {
            var value = s.ValueAt(r);
            v = characters ? FunctionSupport.Utf8Length(value) : value.Length;
            return true;
        });
    }

    /// <summary>Spark's substring: 1-based position, 0 acts as 1, negative counts from the end; a negative length gives ''.</summary>
    public static EvalColumn Substring(EvalColumn[] args, in KernelContext context)
    {
        var s = (BinaryColumn)args[0];
        var pos = args[1];
        var len = args.Length > 2 ? args[2] : null;
        return FunctionSupport.Text(args, context, (int r, BinaryBuilder output) =>
        {
            var value = s.ValueAt(r);
            var total = FunctionSupport.Utf8Length(value);
            var p = FunctionSupport.Integer(pos, r);
            var n = len is null ? int.MaxValue : FunctionSupport.Integer(len, r);
            long start = p > 0 ? p - 1 : p < 0 ? total + p : 0;
            long stop = n < 0 ? start : Math.Min(total, start + n);
            start = Math.Max(0, start);
            if (stop <= start)
            {
                output.Append([]);
                return true;
            }

            var from = FunctionSupport.ByteOffsetOfChar(value, (int)start);
            var to = FunctionSupport.ByteOffsetOfChar(value, (int)stop);
            output.Append(value[from..to]);
            return true;
        });
    }

    /// <summary>concat(a, b, ...): null if any argument is null.</summary>
    public static EvalColumn Concat(EvalColumn[] args, in KernelContext context)
    {
        var parts = args.Cast<BinaryColumn>().ToArray();
        return FunctionSupport.Text(args, context, (int r, BinaryBuilder output) =>
        {
            var size = 0;
            foreach (var p in parts)
            {
                size += p.ValueAt(r).Length;
            }

            var target = output.Reserve(size);
            var at = 0;
            foreach (var p in parts)
            {
                var value = p.ValueAt(r);
                value.CopyTo(target[at..]);
                at += value.Length;
            }

            output.Commit(at);
            return true;
        }, parts.Sum(p => p.Data.Length));
    }

    /// <summary>concat_ws(sep, a, b, ...): skips null arguments; null only if the separator is.</summary>
    public static EvalColumn ConcatWithSeparator(EvalColumn[] args, in KernelContext context)
    {
        var separator = (BinaryColumn)args[0];
        var parts = args.Skip(1).Cast<BinaryColumn>().ToArray();
        return FunctionSupport.Text(args, context, (int r, BinaryBuilder output) =>
        {
            var sep = separator.ValueAt(r);
            var size = 0;
            foreach (var p in parts)
            {
                size += p.IsNull(r) ? 0 : p.ValueAt(r).Length + sep.Length;
            }

            var target = output.Reserve(size);
            var at = 0;
            var first = true;
            foreach (var p in parts)
            {
                if (p.IsNull(r))
                {
                    continue;
                }

                if (!first)
                {
                    sep.CopyTo(target[at..]);
                    at += sep.Length;
                }

                var value = p.ValueAt(r);
                value.CopyTo(target[at..]);
                at += value.Length;
                first = false;
            }

            output.Commit(at);
            return true;
        }, parts.Sum(p => p.Data.Length) * 2, [separator]);
    }

    /// <summary>replace(s, search[, replacement]): every occurrence; an empty search leaves s unchanged.</summary>
    public static EvalColumn Replace(EvalColumn[] args, in KernelContext context)
    {
        var s = (BinaryColumn)args[0];
        var search = (BinaryColumn)args[1];
        var replacement = args.Length > 2 ? (BinaryColumn)args[2] : null;
        return FunctionSupport.Text(args, context, (int r, BinaryBuilder output) =>
        {
            var value = s.ValueAt(r);
            var find = search.ValueAt(r);
            var with = replacement is null ? [] : replacement.ValueAt(r);
            if (find.IsEmpty)
            {
                output.Append(value);
                return true;
            }

            var target = output.Reserve(value.Length + ((value.Length / find.Length) + 1) * with.Length);
            var at = 0;
            while (true)
            {
                var hit = value.IndexOf(find);
                if (hit < 0)
                {
                    value.CopyTo(target[at..]);
                    at += value.Length;
                    break;
                }

                value[..hit].CopyTo(target[at..]);
                at += hit;
                with.CopyTo(target[at..]);
                at += with.Length;
                value = value[(hit + find.Length)..];
            }

            output.Commit(at);
            return true;
        });
    }
}
