namespace Lakehouse.Parquet.Data;

/// <summary>float (32-bit IEEE) values.</summary>
public sealed class FloatVector : PrimitiveVector<float>
{
    public FloatVector(int capacity = 16)
        : base(DataType.Float, capacity)
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
            Append(Convert.ToSingle(value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
