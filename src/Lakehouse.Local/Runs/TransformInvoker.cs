using System.Text.Json.Nodes;

namespace Lakehouse.Local.Runs;

/// <summary>Runs one Transform task (the same entry point the Transform Lambda calls): input and output as in the state machine.</summary>
public delegate Task<JsonNode?> TransformInvoker(JsonNode? input, CancellationToken cancellationToken);
