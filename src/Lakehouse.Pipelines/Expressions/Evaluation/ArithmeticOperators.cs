using System.Numerics;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>The operator structs the arithmetic loops are specialised with (one JIT-compiled loop per pair).</summary>
internal static class ArithmeticOperators
{
    public readonly struct Add<T> : IArithmeticOperator<T>
        where T : IBinaryInteger<T>, ISignedNumber<T>
    {
        public static T Apply(T a, T b, out bool overflow)
        {
            var r = unchecked(a + b);
            overflow = ((a ^ r) & (b ^ r)) < T.Zero;
            return r;
        }
    }

    public readonly struct Subtract<T> : IArithmeticOperator<T>
        where T : IBinaryInteger<T>, ISignedNumber<T>
    {
        public static T Apply(T a, T b, out bool overflow)
        {
            var r = unchecked(a - b);
            overflow = ((a ^ b) & (a ^ r)) < T.Zero;
            return r;
        }
    }

    public readonly struct MultiplyInt : IArithmeticOperator<int>
    {
        public static int Apply(int a, int b, out bool overflow)
        {
            var r = (long)a * b;
            overflow = r != (int)r;
            return (int)r;
        }
    }

    public readonly struct MultiplyLong : IArithmeticOperator<long>
    {
        public static long Apply(long a, long b, out bool overflow)
        {
            var high = Math.BigMul(a, b, out var low);
            overflow = high != (low >> 63);
            return low;
        }
    }

    /// <summary>Integer remainder with the sign of the dividend (Java/Spark); the caller nulls rows whose divisor is 0.</summary>
    public readonly struct Remainder<T> : IArithmeticOperator<T>
        where T : IBinaryInteger<T>, ISignedNumber<T>
    {
        public static T Apply(T a, T b, out bool overflow)
        {
            overflow = false;
            return b == T.Zero || b == T.NegativeOne ? T.Zero : a % b;
        }
    }

    public readonly struct FloatAdd<T> : IArithmeticOperator<T>
        where T : IFloatingPointIeee754<T>
    {
        public static T Apply(T a, T b, out bool overflow)
        {
            overflow = false;
            return a + b;
        }
    }

    public readonly struct FloatSubtract<T> : IArithmeticOperator<T>
        where T : IFloatingPointIeee754<T>
    {
        public static T Apply(T a, T b, out bool overflow)
        {
            overflow = false;
            return a - b;
        }
    }

    public readonly struct FloatMultiply<T> : IArithmeticOperator<T>
        where T : IFloatingPointIeee754<T>
    {
        public static T Apply(T a, T b, out bool overflow)
        {
            overflow = false;
            return a * b;
        }
    }

    public readonly struct FloatDivide<T> : IArithmeticOperator<T>
        where T : IFloatingPointIeee754<T>
    {
        public static T Apply(T a, T b, out bool overflow)
        {
            overflow = false;
            return a / b;
        }
    }

    public readonly struct FloatRemainder<T> : IArithmeticOperator<T>
        where T : IFloatingPointIeee754<T>
    {
        public static T Apply(T a, T b, out bool overflow)
        {
            overflow = false;
            return a % b;
        }
    }
}
