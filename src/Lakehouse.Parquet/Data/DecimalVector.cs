namespace Lakehouse.Parquet.Data;

/// <summary>decimal(p, s) values as unscaled <see cref="Int128"/>; the scale is the type's.</summary>
public sealed class DecimalVector : PrimitiveVector<Int128>
{
    public DecimalVector(DecimalType type, int capacity = 16)
        : base(type, capacity)
    {
        DecimalType = type;
    }

    public DecimalType DecimalType { get; }

    protected override object GetValueCore(int index) => new DecimalValue(this[index], DecimalType.Scale);

    public override void AppendValue(object? value)
    {
        switch (value)
        {
            case null:
                AppendNull();
                break;
            case DecimalValue d when d.Scale == DecimalType.Scale:
                Append(d.Unscaled);
                break;
            default:
                var text = value is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value.ToString();
                if (!DecimalValue.TryParse(text, DecimalType.Precision, DecimalType.Scale, out var parsed))
                {
                    throw new ArgumentException($"Value '{text}' does not fit {DecimalType}.", nameof(value));
                }

                Append(parsed.Unscaled);
                break;
        }
    }
}
