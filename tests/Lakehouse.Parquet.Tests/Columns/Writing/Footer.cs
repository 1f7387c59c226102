using Lakehouse.Parquet.Meta;

namespace Lakehouse.Parquet.Tests.Columns.Writing;

/// <summary>Parses the footer of a file in memory (to check encodings and chunk sizes the public reader does not expose).</summary>
internal static class Footer
{
    public static FileMetaData Read(byte[] file)
    {
        var length = BitConverter.ToInt32(file, file.Length - 8);
        return FileMetaData.Read(new ThriftCompactReader(file, file.Length - 8 - length, length));
    }

    /// <summary>The page headers of a column chunk, dictionary page first.</summary>
    public static List<PageHeader> Pages(byte[] file, ColumnMetaData chunk)
    {
        var pages = new List<PageHeader>();
        var start = (int)(chunk.DictionaryPageOffset ?? chunk.DataPageOffset);
        var end = start + (int)chunk.TotalCompressedSize;
        for (var offset = start; offset < end;)
        {
            var reader = new ThriftCompactReader(file, offset, end - offset);
            var header = PageHeader.Read(reader);
            pages.Add(header);
            offset = reader.Position + header.CompressedPageSize;
        }

        return pages;
    }
}
