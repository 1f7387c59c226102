namespace Lakehouse.Pipelines.Sources.Inference;

/// <summary>
/// The shape of one sampled value: its kind and, for numbers, the digits before and after the point (used to
/// decide between long, decimal and double).
/// </summary>
internal readonly record struct ValueShape(ShapeKind Kind, int IntegerDigits = 0, int FractionDigits = 0, bool ExceedsLong = false)
{
    public static readonly ValueShape Null = new(ShapeKind.Null);
    public static readonly ValueShape Boolean = new(ShapeKind.Boolean);
    public static readonly ValueShape Double = new(ShapeKind.Double);
    public static readonly ValueShape Date = new(ShapeKind.Date);
    public static readonly ValueShape Timestamp = new(ShapeKind.Timestamp);
    public static readonly ValueShape String = new(ShapeKind.String);
}
