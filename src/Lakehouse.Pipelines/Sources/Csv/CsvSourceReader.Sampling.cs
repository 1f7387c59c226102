using System.Text;
using Lakehouse.Pipelines.Sources.Inference;

namespace Lakehouse.Pipelines.Sources.Csv;

internal sealed partial class CsvSourceReader
{
    /// <summary>Reads and consumes the header record. Empty names become <c>_c{i}</c>; a repeated name gets its index appended (Spark's rule).</summary>
    private List<string> ReadHeader()
    {
        while (true)
        {
            var data = Buffer.Data;
            if (data.IsEmpty)
            {
                return [];
            }

            var n = _tokenizer.ReadRecord(data, Buffer.EndOfInput);
            if (n == CsvTokenizer.NeedMoreData)
            {
                throw new SourceFormatException(SourceUri, $"the header record is longer than the {Options.InferenceSampleBytes / 1024} KB sample; check the delimiter and quoting.", Line, Buffer.Position);
            }

            if (n == CsvTokenizer.UnclosedQuote)
            {
                throw new SourceFormatException(SourceUri, "the header has a quoted name that is never closed.", Line, Buffer.Position);
            }

            Line += _tokenizer.LineBreaks;
            if (_tokenizer.IsEmptyLine)
            {
                Buffer.Consume(n);
                EmptyLines++;
                continue;
            }

            var names = new List<string>(_tokenizer.FieldCount);
            for (var i = 0; i < _tokenizer.FieldCount; i++)
            {
                var name = Encoding.UTF8.GetString(_tokenizer.Field(data, i)).Trim();
                names.Add(name.Length == 0 ? $"_c{i}" : name);
            }

            var counts = names.GroupBy(x => x, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < names.Count; i++)
            {
                if (counts.Contains(names[i]))
                {
                    names[i] = $"{names[i]}{i}";
                }
            }

            Buffer.Consume(n);
            return names;
        }
    }

    /// <summary>Classifies the fields of the buffered sample records (without consuming them).</summary>
    private List<ScalarTypeAccumulator> Sample(int? headerColumns, out int columns)
    {
        var accumulators = new List<ScalarTypeAccumulator>();
        for (var i = 0; i < (headerColumns ?? 0); i++)
        {
            accumulators.Add(new ScalarTypeAccumulator());
        }

        var infer = Source.InferColumnTypes;
        var data = Buffer.Data;
        var offset = 0;
        var rows = 0;
        columns = headerColumns ?? 0;
        while (rows < Options.InferenceSampleRows && offset < data.Length)
        {
            var n = _tokenizer.ReadRecord(data[offset..], Buffer.EndOfInput);
            if (n <= 0)
            {
                break;
            }

            if (!_tokenizer.IsEmptyLine)
            {
                rows++;
                var fields = _tokenizer.FieldCount;
                if (headerColumns is null)
                {
                    while (accumulators.Count < fields)
                    {
                        accumulators.Add(new ScalarTypeAccumulator());
                    }

                    columns = Math.Max(columns, fields);
                }

                if (infer)
                {
                    for (var i = 0; i < Math.Min(fields, accumulators.Count); i++)
                    {
                        var value = _tokenizer.Field(data[offset..], i);
                        var isNull = value.IsEmpty || (!_tokenizer.IsQuoted(i) && value.SequenceEqual(_nullValue));
                        accumulators[i].Observe(isNull ? ValueShape.Null : TextClassifier.Classify(value));
                    }
                }
            }

            offset += n;
        }

        return accumulators;
    }
}
