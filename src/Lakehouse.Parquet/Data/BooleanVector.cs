namespace Lakehouse.Parquet.Data;

/// <summary>boolean values.</summary>
public sealed class BooleanVector : PrimitiveVector<bool>
{
    public BooleanVector(int capacity = 16)
        : base(DataType.Boolean, capacity)
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
            Append(Convert.ToBoolean(value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
