using System.Text.Json.Serialization;

namespace Lakehouse.Lambda.Events.S3;

/// <summary>
/// An S3 event notification as Lambda receives it (stands in for Amazon.Lambda.S3Events). Delivery is at least once
/// and unordered: the same object can arrive twice, and one event can carry several records.
/// </summary>
public sealed record S3Event([property: JsonPropertyName("Records")] IReadOnlyList<S3EventRecord> Records);
