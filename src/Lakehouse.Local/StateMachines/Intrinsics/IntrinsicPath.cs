using Lakehouse.Local.StateMachines.Paths;

namespace Lakehouse.Local.StateMachines.Intrinsics;

/// <summary>A path argument (<c>$.a</c> or <c>$$.Execution.Id</c>).</summary>
internal sealed record IntrinsicPath(JsonPath Path) : IntrinsicExpression;
