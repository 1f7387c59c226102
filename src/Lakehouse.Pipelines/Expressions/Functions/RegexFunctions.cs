using System.Text;
using System.Text.RegularExpressions;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions.Functions;

/// <summary>
/// regexp_like / rlike: true when the pattern matches anywhere in the string (.NET regex syntax, close to Java's).
/// Patterns compile with <see cref="RegexOptions.NonBacktracking"/> (linear time, no catastrophic backtracking);
/// constructs it lacks (backreferences, lookarounds) fall back to the backtracking engine with a 1 s match timeout.
/// </summary>
internal static class RegexFunctions
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public static Regex Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, Timeout);
        }
    }

    public static FunctionKernel Like(Regex? constant) => (EvalColumn[] args, in KernelContext context) =>
    {
        var s = (BinaryColumn)args[0];
        var p = (BinaryColumn)args[1];
        Regex? regex = constant;
        string? last = null;
        var scope = context.Scope;
        var offset = context.Offset;
        char[] buffer = new char[256];
        return FunctionSupport.Primitive(args, context, (int r, out bool v) =>
        {
            if (constant is null)
            {
                var pattern = Encoding.UTF8.GetString(p.ValueAt(r));
                if (pattern != last)
                {
                    try
                    {
                        regex = Compile(pattern);
                    }
                    catch (ArgumentException e)
                    {
                        throw scope.Fail(offset, $"invalid regular expression '{pattern}': {e.Message}");
                    }

                    last = pattern;
                }
            }

            var bytes = s.ValueAt(r);
            if (buffer.Length < bytes.Length)
            {
                buffer = new char[bytes.Length * 2];
            }

            var chars = Encoding.UTF8.GetChars(bytes, buffer);
            try
            {
                v = regex!.IsMatch(buffer.AsSpan(0, chars));
            }
            catch (RegexMatchTimeoutException)
            {
                throw scope.Fail(offset, "the regular expression took longer than 1 s on one value; simplify it (avoid backreferences and lookarounds)");
            }

            return true;
        });
    };
}
