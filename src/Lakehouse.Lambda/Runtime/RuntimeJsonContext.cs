using System.Text.Json.Serialization;

namespace Lakehouse.Lambda.Runtime;

/// <summary>Source-generated (trim- and AOT-safe) JSON for the runtime's own documents.</summary>
[JsonSerializable(typeof(RuntimeError))]
[JsonSourceGenerationOptions(WriteIndented = false)]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
