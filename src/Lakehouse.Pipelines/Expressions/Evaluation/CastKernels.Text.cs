using System.Globalization;
using System.Text;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

internal static partial class CastKernels
{
    private static BinaryColumn ToText(EvalColumn source, in CastRequest request)
    {
        if (source is BinaryColumn binary)
        {
            return Relabel(binary, request.Target);
        }

        var rows = source.IsScalar ? 1 : source.Length;
        var builder = new BinaryBuilder(request.Target, rows, rows * 8);
        for (var i = 0; i < rows; i++)
        {
            if (source.IsNull(i))
            {
                builder.AppendNull();
                continue;
            }

            var buffer = builder.Reserve(64);
            var written = source switch
            {
                PrimitiveColumn<bool> c => Encoding.ASCII.GetBytes(c.ValueAt(i) ? "true" : "false", buffer),
                PrimitiveColumn<int> c when source.Type.Kind == TypeKind.Date => TemporalText.FormatDate(c.ValueAt(i), buffer),
                PrimitiveColumn<int> c => Format(c.ValueAt(i), buffer),
                PrimitiveColumn<long> c when source.Type.Kind == TypeKind.Timestamp => TemporalText.FormatTimestamp(c.ValueAt(i), buffer),
                PrimitiveColumn<long> c => Format(c.ValueAt(i), buffer),
                PrimitiveColumn<float> c => Encoding.ASCII.GetBytes(NumberText.Format(c.ValueAt(i), true), buffer),
                PrimitiveColumn<double> c => Encoding.ASCII.GetBytes(NumberText.Format(c.ValueAt(i), false), buffer),
                PrimitiveColumn<Int128> c => Encoding.ASCII.GetBytes(new DecimalValue(c.ValueAt(i), ((DecimalType)source.Type).Scale).ToString(), buffer),
                _ => throw Unsupported(source, request),
            };
            builder.Commit(written);
        }

        return builder.Build(source.IsScalar);
    }

    private static int Format<T>(T value, Span<byte> destination)
        where T : IUtf8SpanFormattable
    {
        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
        return written;
    }

    private static PrimitiveColumn<int> ToDate(EvalColumn source, in CastRequest request)
    {
        switch (source)
        {
            case PrimitiveColumn<long> c when source.Type.Kind == TypeKind.Timestamp:
                return Map(source, request, (int r, out int v) => { v = TemporalText.FloorDays(c.ValueAt(r)); return true; });
            case BinaryColumn c when source.Type.Kind == TypeKind.String:
                return Map(source, request, (int r, out int v) => TemporalText.TryParseDate(c.ValueAt(r), out v));
            default:
                throw Unsupported(source, request);
        }
    }

    private static PrimitiveColumn<long> ToTimestamp(EvalColumn source, in CastRequest request)
    {
        switch (source)
        {
            case PrimitiveColumn<int> c when source.Type.Kind == TypeKind.Date:
                return Map(source, request, (int r, out long v) => { v = c.ValueAt(r) * TemporalText.MicrosPerDay; return true; });
            case PrimitiveColumn<int> c:
                return Map(source, request, (int r, out long v) => { v = c.ValueAt(r) * 1_000_000L; return true; });
            case PrimitiveColumn<long> c when source.Type.Kind == TypeKind.Long:
                return Map(source, request, (int r, out long v) =>
                {
                    var seconds = c.ValueAt(r);
                    v = unchecked(seconds * 1_000_000L);
                    return Math.Abs(seconds) < 9_223_372_036_854L;
                });
            case PrimitiveColumn<double> c:
                return Map(source, request, (int r, out long v) =>
                {
                    var micros = Math.Floor(c.ValueAt(r) * 1_000_000.0);
                    v = (long)micros;
                    return double.IsFinite(micros) && Math.Abs(micros) < 9.2e18;
                });
            case BinaryColumn c when source.Type.Kind == TypeKind.String:
                return Map(source, request, (int r, out long v) => TemporalText.TryParseTimestamp(c.ValueAt(r), out v));
            default:
                throw Unsupported(source, request);
        }
    }
}
