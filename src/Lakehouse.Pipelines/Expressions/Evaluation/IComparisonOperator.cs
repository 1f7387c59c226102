namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>
/// A comparison inlined into typed loops (generic over the value type, so the JIT specialises and inlines it:
/// static abstract generic methods would be dispatched at run time). <see cref="FromOrder"/> serves types compared
/// through an ordering (strings).
/// </summary>
internal interface IComparisonOperator<T>
{
    static abstract bool Apply(T a, T b);

    static abstract bool FromOrder(int order);
}
