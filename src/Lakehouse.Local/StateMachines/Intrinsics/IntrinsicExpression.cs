namespace Lakehouse.Local.StateMachines.Intrinsics;

/// <summary>A parsed intrinsic function argument or call, such as <c>States.Format('{}-{}', $.a, States.UUID())</c>.</summary>
internal abstract record IntrinsicExpression;
