using System.Text.Json.Serialization;

namespace Lakehouse.Lambda.Events.Sqs;

/// <summary>A message to retry, named by its message id.</summary>
public sealed record SqsBatchItemFailure([property: JsonPropertyName("itemIdentifier")] string ItemIdentifier);
