namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>A binary arithmetic operation inlined into typed loops; <c>overflow</c> reports a result that does not fit.</summary>
internal interface IArithmeticOperator<T>
{
    static abstract T Apply(T a, T b, out bool overflow);
}
