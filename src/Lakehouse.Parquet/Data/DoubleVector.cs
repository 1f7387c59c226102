namespace Lakehouse.Parquet.Data;

/// <summary>double (64-bit IEEE) values.</summary>
public sealed class DoubleVector : PrimitiveVector<double>
{
    public DoubleVector(int capacity = 16)
        : base(DataType.Double, capacity)
    {
    }

    protected override object GetValueCore(int index) => this[index];

    public override void AppendValue(object? value)
    {
        if (value is null)
        {
            AppendNull();
        }
        else
        {
            Append(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
