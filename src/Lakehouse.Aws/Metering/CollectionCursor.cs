using System.Globalization;
using System.Text.Json;
using Lakehouse.Delta.Storage;

namespace Lakehouse.Aws.Metering;

/// <summary>
/// How far <see cref="StepFunctionsUsageCollector"/> got: when it last looked, and the start of the oldest execution
/// that was still running then (the next collection must list back that far to see it finish). Stored as a small JSON
/// object; written only after every record of the collection is stored.
/// </summary>
internal sealed record CollectionCursor(DateTimeOffset CollectedAt, DateTimeOffset? OldestRunningStart)
{
    /// <summary>The cursor at <paramref name="key"/>; null when there is none or it cannot be read (the collector then
    /// starts over from its initial look-back, which is safe because collecting is idempotent).</summary>
    public static async Task<CollectionCursor?> ReadAsync(IObjectStore store, string key, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            await using var stream = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            bytes = buffer.ToArray();
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            var collectedAt = Parse(root.GetProperty("collectedAt").GetString());
            DateTimeOffset? oldest = root.TryGetProperty("oldestRunningStart", out var o) && o.ValueKind == JsonValueKind.String ? Parse(o.GetString()) : null;
            return new CollectionCursor(collectedAt, oldest);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or ArgumentNullException)
        {
            return null;
        }
    }

    public async Task WriteAsync(IObjectStore store, string key, string stateMachineArn, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("stateMachineArn", stateMachineArn);
            w.WriteString("collectedAt", Format(CollectedAt));
            if (OldestRunningStart is { } oldest)
            {
                w.WriteString("oldestRunningStart", Format(oldest));
            }
            else
            {
                w.WriteNull("oldestRunningStart");
            }

            w.WriteEndObject();
        }

        buffer.Position = 0;
        await store.PutAsync(key, buffer, cancellationToken).ConfigureAwait(false);
    }

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string? text) =>
        DateTimeOffset.Parse(text ?? throw new FormatException("missing time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
