namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>A comparison inlined into typed loops; <see cref="FromOrder"/> serves types compared through an ordering (strings).</summary>
internal interface IComparisonOperator
{
    static abstract bool Apply<T>(T a, T b)
        where T : System.Numerics.IComparisonOperators<T, T, bool>;

    static abstract bool FromOrder(int order);
}
