namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>A scalar function over whole columns (arguments already coerced to the types the kernel expects).</summary>
internal delegate EvalColumn FunctionKernel(EvalColumn[] args, in KernelContext context);
