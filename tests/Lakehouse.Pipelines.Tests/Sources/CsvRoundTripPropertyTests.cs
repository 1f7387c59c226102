using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Sources;

namespace Lakehouse.Pipelines.Tests.Sources;

public sealed class CsvRoundTripPropertyTests
{
    private const string Alphabet = "ab ,\"\n\r;xé\t'\\0";

    private static readonly Gen<string?> Text =
        Gen.OneOf(
            Gen.Constant<string?>(null),
            Gen.ListOf(Gen.Elements(Alphabet.ToCharArray())).Select(chars => (string?)new string(chars.ToArray())));

    private static readonly Gen<(long? Id, string? Name, string? Note)> Row =
        from id in Gen.OneOf(Gen.Constant<long?>(null), ArbMap.Default.GeneratorFor<long>().Select(v => (long?)v))
        from name in Text
        from note in Text
        select (id, name, note);

    /// <summary>RFC 4180 writer: quote when needed, double the quotes; null is an empty unquoted field, empty string is "".</summary>
    private static string Field(string? value, char delimiter)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var needsQuotes = value.Length == 0 || value.IndexOfAny([delimiter, '"', '\n', '\r']) >= 0 || value != value.Trim();
        return needsQuotes ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    [Fact]
    public void RandomRows_WrittenAsCsv_ReadBackEqual()
    {
        var property = Prop.ForAll(
            Gen.NonEmptyListOf(Row).ToArbitrary(),
            Gen.Elements(',', ';', '\t').ToArbitrary(),
            Gen.Elements("\n", "\r\n").ToArbitrary(),
            (rows, delimiter, eol) =>
            {
                var csv = new StringBuilder("id" + delimiter + "name" + delimiter + "note" + eol);
                foreach (var (id, name, note) in rows)
                {
                    csv.Append(id?.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(delimiter)
                        .Append(Field(name, delimiter)).Append(delimiter)
                        .Append(Field(note, delimiter)).Append(eol);
                }

                var source = SourceHarness.Csv(s => s with
                {
                    Csv = s.Csv with { Delimiter = delimiter },
                    SchemaHints = [new SchemaHint("id", DataType.Long, default), new SchemaHint("name", DataType.String, default), new SchemaHint("note", DataType.String, default)],
                });
                var options = new SourceReaderOptions(BatchSize: 7, InferenceSampleBytes: 64, BufferBytes: 64, Parallelism: (rows.Count % 3) + 1);
                var result = SourceHarness.ReadAsync(source, csv.ToString(), options: options).GetAwaiter().GetResult();
                var expected = rows.Select(r => new object?[] { r.Id, r.Name, r.Note, null }).ToList();
                return result.Rows.Count == expected.Count && result.Rows.Zip(expected).All(p => p.First.SequenceEqual(p.Second));
            });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
    }
}
