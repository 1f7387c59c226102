using System.Text.Json.Nodes;

namespace Lakehouse.Local.StateMachines.Intrinsics;

/// <summary>
/// A literal argument (string, number, boolean, null). <see cref="RawText"/> keeps a string literal's escapes so
/// States.Format can tell an escaped brace <c>\{</c> from a placeholder <c>{}</c>.
/// </summary>
internal sealed record IntrinsicLiteral(JsonNode? Value, string? RawText) : IntrinsicExpression;
