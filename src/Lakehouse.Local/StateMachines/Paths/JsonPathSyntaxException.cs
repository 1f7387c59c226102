namespace Lakehouse.Local.StateMachines.Paths;

/// <summary>A path string that is not in the JsonPath subset the interpreter supports; turned into an
/// <see cref="AslDefinitionException"/> naming the state and field by the definition parser.</summary>
internal sealed class JsonPathSyntaxException(string message) : Exception(message);
