using System.Numerics;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

internal static class ComparisonOperators
{
    public readonly struct Equal<T> : IComparisonOperator<T>
        where T : IComparisonOperators<T, T, bool>
    {
        public static bool Apply(T a, T b) => a == b;

        public static bool FromOrder(int order) => order == 0;
    }

    public readonly struct NotEqual<T> : IComparisonOperator<T>
        where T : IComparisonOperators<T, T, bool>
    {
        public static bool Apply(T a, T b) => a != b;

        public static bool FromOrder(int order) => order != 0;
    }

    public readonly struct Less<T> : IComparisonOperator<T>
        where T : IComparisonOperators<T, T, bool>
    {
        public static bool Apply(T a, T b) => a < b;

        public static bool FromOrder(int order) => order < 0;
    }

    public readonly struct LessOrEqual<T> : IComparisonOperator<T>
        where T : IComparisonOperators<T, T, bool>
    {
        public static bool Apply(T a, T b) => a <= b;

        public static bool FromOrder(int order) => order <= 0;
    }

    public readonly struct Greater<T> : IComparisonOperator<T>
        where T : IComparisonOperators<T, T, bool>
    {
        public static bool Apply(T a, T b) => a > b;

        public static bool FromOrder(int order) => order > 0;
    }

    public readonly struct GreaterOrEqual<T> : IComparisonOperator<T>
        where T : IComparisonOperators<T, T, bool>
    {
        public static bool Apply(T a, T b) => a >= b;

        public static bool FromOrder(int order) => order >= 0;
    }
}
