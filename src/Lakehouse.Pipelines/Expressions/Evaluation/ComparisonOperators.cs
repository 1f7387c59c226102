using System.Numerics;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

internal static class ComparisonOperators
{
    public readonly struct Equal : IComparisonOperator
    {
        public static bool Apply<T>(T a, T b) where T : IComparisonOperators<T, T, bool> => a == b;

        public static bool FromOrder(int order) => order == 0;
    }

    public readonly struct NotEqual : IComparisonOperator
    {
        public static bool Apply<T>(T a, T b) where T : IComparisonOperators<T, T, bool> => a != b;

        public static bool FromOrder(int order) => order != 0;
    }

    public readonly struct Less : IComparisonOperator
    {
        public static bool Apply<T>(T a, T b) where T : IComparisonOperators<T, T, bool> => a < b;

        public static bool FromOrder(int order) => order < 0;
    }

    public readonly struct LessOrEqual : IComparisonOperator
    {
        public static bool Apply<T>(T a, T b) where T : IComparisonOperators<T, T, bool> => a <= b;

        public static bool FromOrder(int order) => order <= 0;
    }

    public readonly struct Greater : IComparisonOperator
    {
        public static bool Apply<T>(T a, T b) where T : IComparisonOperators<T, T, bool> => a > b;

        public static bool FromOrder(int order) => order > 0;
    }

    public readonly struct GreaterOrEqual : IComparisonOperator
    {
        public static bool Apply<T>(T a, T b) where T : IComparisonOperators<T, T, bool> => a >= b;

        public static bool FromOrder(int order) => order >= 0;
    }
}
