using System.Text.Json.Serialization;

namespace Lakehouse.Delta.Actions;

/// <summary>Source-generated (AOT-clean) JSON metadata for the log's actions.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(ActionLine))]
[JsonSerializable(typeof(ProtocolAction))]
[JsonSerializable(typeof(MetadataAction))]
[JsonSerializable(typeof(AddFile))]
[JsonSerializable(typeof(RemoveFile))]
[JsonSerializable(typeof(TxnAction))]
[JsonSerializable(typeof(CommitInfo))]
[JsonSerializable(typeof(LastCheckpointInfo))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class LogJsonContext : JsonSerializerContext
{
}
