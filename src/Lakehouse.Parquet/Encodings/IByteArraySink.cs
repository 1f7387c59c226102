namespace Lakehouse.Parquet.Encodings;

/// <summary>Receives decoded byte-array values one at a time; the span is only valid during the call.</summary>
internal interface IByteArraySink
{
    void Add(ReadOnlySpan<byte> value);
}
