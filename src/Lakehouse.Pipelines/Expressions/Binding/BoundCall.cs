using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions.Binding;

/// <summary>A scalar function call resolved to a kernel; <see cref="IsFoldable"/> is false for functions of the run (current_date()).</summary>
internal sealed class BoundCall : BoundExpression
{
    private readonly bool _runDependent;

    public BoundCall(string name, IReadOnlyList<BoundExpression> arguments, DataType type, FunctionKernel kernel, int offset, bool runDependent = false)
        : base(type, offset)
    {
        Name = name;
        Arguments = arguments;
        Kernel = kernel;
        _runDependent = runDependent;
    }

    public string Name { get; }

    public IReadOnlyList<BoundExpression> Arguments { get; }

    public FunctionKernel Kernel { get; }

    public override IEnumerable<BoundExpression> Children => Arguments;

    public override bool IsFoldable => !_runDependent && base.IsFoldable;

    public override EvalColumn Evaluate(EvaluationScope scope, bool[]? active)
    {
        var args = new EvalColumn[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i].Evaluate(scope, active);
        }

        return Kernel(args, new KernelContext(scope, active, Offset, Type, Name));
    }
}
