namespace Lakehouse.Local.StateMachines.Intrinsics;

/// <summary>A call of a <c>States.*</c> function.</summary>
internal sealed record IntrinsicCall(string Name, IReadOnlyList<IntrinsicExpression> Arguments) : IntrinsicExpression;
