using FsCheck;
using FsCheck.Fluent;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Parquet.Tests;

/// <summary>Property: any schema (random nesting of every type) with random values and nulls round-trips exactly.</summary>
public sealed class RandomSchemaRoundTripTests
{
    [Fact]
    public void RandomSchemaAndValues_RoundTripExactly()
    {
        var gen = Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, 7));
        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (seed, optionBits) = input;
            var random = new Random(seed);
            var schema = new StructType(Enumerable.Range(0, 1 + random.Next(4)).Select(i => new StructField("c" + i, RandomType(random, 0), random.Next(4) != 0)));
            var rows = Enumerable.Range(0, random.Next(60)).Select(_ => schema.Fields.Select(f => RandomValue(random, f.Type, f.Nullable)).ToArray()).ToArray();
            var options = new ParquetWriterOptions
            {
                UseDataPageV2 = (optionBits & 1) != 0,
                EnableDictionary = (optionBits & 2) != 0,
                Compression = (optionBits & 4) != 0 ? ParquetCompression.Gzip : ParquetCompression.Snappy,
                PageSize = 64 + random.Next(512),
                DictionaryPageSizeLimit = 16 + random.Next(256),
                RowGroupSize = 200 + random.Next(5000),
            };
            var half = rows.Length / 2;
            var file = TestFiles.Write(schema, [TestFiles.Batch(schema, rows[..half]), TestFiles.Batch(schema, rows[half..])], options);
            var read = TestFiles.ReadRowsAsync(file).GetAwaiter().GetResult();
            if (read.Count != rows.Length)
            {
                return false.Label($"{schema}: {read.Count} rows read, {rows.Length} written");
            }

            for (var r = 0; r < rows.Length; r++)
            {
                if (!TestFiles.DeepEquals(rows[r], read[r]))
                {
                    return false.Label($"{schema} row {r}: wrote {TestFiles.Show(rows[r])}, read {TestFiles.Show(read[r])}");
                }
            }

            return true.Label("ok");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    private static DataType RandomType(Random random, int depth)
    {
        var choice = random.Next(depth >= 3 ? 13 : 16);
        return choice switch
        {
            0 => DataType.Boolean,
            1 => DataType.Byte,
            2 => DataType.Short,
            3 => DataType.Integer,
            4 => DataType.Long,
            5 => DataType.Float,
            6 => DataType.Double,
            7 => DataType.String,
            8 => DataType.Binary,
            9 => DataType.Date,
            10 => DataType.Timestamp,
            11 => new DecimalType(1 + random.Next(38), 0) is var d && d.Precision > 1 ? new DecimalType(d.Precision, random.Next(d.Precision)) : d,
            12 => DataType.String,
            13 => new StructType(Enumerable.Range(0, 1 + random.Next(3)).Select(i => new StructField("f" + i, RandomType(random, depth + 1), random.Next(3) != 0))),
            14 => new ArrayType(RandomType(random, depth + 1), random.Next(2) == 0),
            _ => new MapType(random.Next(2) == 0 ? DataType.String : DataType.Integer, RandomType(random, depth + 1), random.Next(2) == 0),
        };
    }

    private static object? RandomValue(Random random, DataType type, bool nullable)
    {
        if (nullable && random.Next(5) == 0)
        {
            return null;
        }

        switch (type)
        {
            case StructType st:
                return st.Fields.Select(f => RandomValue(random, f.Type, f.Nullable)).ToArray();
            case ArrayType at:
                return Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, at.ElementType, at.ContainsNull)).ToList();
            case MapType mt:
                var keys = Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, mt.KeyType, false)).Distinct().ToList();
                return keys.Select(k => new KeyValuePair<object, object?>(k!, RandomValue(random, mt.ValueType, mt.ValueContainsNull))).ToList();
            case DecimalType dt:
                var digits = new string(Enumerable.Range(0, 1 + random.Next(dt.Precision)).Select(_ => (char)('0' + random.Next(10))).ToArray());
                return new DecimalValue(Int128.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) * (random.Next(2) == 0 ? 1 : -1), dt.Scale);
        }

        return type.Kind switch
        {
            TypeKind.Boolean => random.Next(2) == 0,
            TypeKind.Byte => (sbyte)random.Next(-128, 128),
            TypeKind.Short => (short)random.Next(-32768, 32768),
            TypeKind.Integer => random.Next(4) == 0 ? int.MinValue : random.Next(-100, 100),
            TypeKind.Long => random.Next(4) == 0 ? long.MaxValue : random.NextInt64(),
            TypeKind.Float => random.Next(6) == 0 ? float.NaN : (float)(random.NextDouble() * 100 - 50),
            TypeKind.Double => random.Next(6) == 0 ? -0.0 : random.NextDouble() * 1e10 - 5e9,
            TypeKind.String => random.Next(5) == 0 ? "" : "s" + random.Next(10) + (random.Next(3) == 0 ? "é✓" : ""),
            TypeKind.Binary => Enumerable.Range(0, random.Next(5)).Select(_ => (byte)random.Next(256)).ToArray(),
            TypeKind.Date => DateOnly.FromDayNumber(random.Next(1, 3_000_000)),
            TypeKind.Timestamp => Int64Vector.FromUnixMicros(random.NextInt64(-62_000_000_000_000_000, 250_000_000_000_000_000)),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }
}
