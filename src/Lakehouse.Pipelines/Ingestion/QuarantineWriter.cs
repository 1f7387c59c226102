using System.Globalization;
using System.Text.Json;
using Lakehouse.Delta.Storage;
using Lakehouse.Pipelines.Lake;

namespace Lakehouse.Pipelines.Ingestion;

/// <summary>
/// Writes the error report of a file that cannot be ingested to
/// <c>&lt;pipeline&gt;/_quarantine/&lt;source&gt;/&lt;yyyy-MM-dd&gt;/&lt;file name&gt;-&lt;hash&gt;.json</c> in the lake. The landing object
/// itself is never moved or deleted, so nothing is lost; the report says where it is and what to do. Reports are keyed
/// by the object's identity, so a redelivered bad file rewrites the same report instead of adding another.
/// </summary>
internal sealed class QuarantineWriter(LakehouseRuntime runtime, string pipeline)
{
    public async Task<QuarantinedFile> WriteAsync(
        IObjectStore landing, LandedObject landed, ObjectIdentity identity, string? source, string reason, string errorType,
        long? line, long? byteOffset, CancellationToken cancellationToken)
    {
        var now = runtime.Time.GetUtcNow();
        var fileName = landed.Key[(landed.Key.LastIndexOf('/') + 1)..];
        var safeName = string.Concat(fileName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        var folder = runtime.Layout.Quarantine(pipeline, source ?? "_unmatched");
        var key = string.Create(CultureInfo.InvariantCulture, $"{folder}/{now:yyyy-MM-dd}/{safeName}-{identity.Hash[..12]}.json");

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("object", landing.Describe(landed.Key));
            w.WriteString("key", landed.Key);
            w.WriteString("objectVersion", identity.Version);
            if (landed.Size is { } size)
            {
                w.WriteNumber("size", size);
            }

            w.WriteString("pipeline", pipeline);
            if (source is not null)
            {
                w.WriteString("source", source);
            }

            w.WriteString("reason", reason);
            w.WriteString("errorType", errorType);
            w.WriteStartObject("position");
            if (line is { } l)
            {
                w.WriteNumber("line", l);
            }

            if (byteOffset is { } b)
            {
                w.WriteNumber("byteOffset", b);
            }

            w.WriteEndObject();
            w.WriteString("detectedAt", now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("nothingWasCommitted", "No row of this file was committed. The object was left where it is.");
            w.WriteString("whatToDo", "Fix the file and upload it again (a new upload is a new object and is ingested), or fix the pipeline definition and replay the object with 'lakehouse drop' / a new S3 event.");
            w.WriteEndObject();
        }

        buffer.Position = 0;
        await runtime.Lake.PutAsync(key, buffer, cancellationToken);
        return new QuarantinedFile(landed.Key, source, reason, errorType, line, byteOffset, key);
    }
}
