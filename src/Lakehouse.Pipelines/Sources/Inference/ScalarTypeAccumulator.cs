using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Sources.Inference;

/// <summary>
/// Widens the shapes seen in one column's sample to a type. Rules (documented in docs for users):
/// <list type="bullet">
/// <item>only nulls → string; any string, or a mix of booleans/numbers/dates that have no common type → string;</item>
/// <item>integers only → long (decimal(38,0) when one exceeds long and decimals are inferred, else double);</item>
/// <item>fixed-point numbers with one common number of fraction digits s (integers may be mixed in), with
///   <c>inferDecimals</c> → decimal(38, s); mixed fraction lengths, exponents, NaN/Infinity or more than 38 digits → double;</item>
/// <item>dates only → date; dates and timestamps → timestamp.</item>
/// </list>
/// Inferred decimals take precision 38 so later values with more integer digits than the sample still fit.
/// </summary>
internal sealed class ScalarTypeAccumulator
{
    private bool _boolean;
    private bool _integer;
    private bool _fixed;
    private bool _double;
    private bool _date;
    private bool _timestamp;
    private bool _string;
    private int _maxIntegerDigits;
    private int _scale = -1;
    private bool _mixedScales;
    private bool _exceedsLong;

    public bool SawValue => _boolean || _integer || _fixed || _double || _date || _timestamp || _string;

    public void Observe(ValueShape shape)
    {
        switch (shape.Kind)
        {
            case ShapeKind.Null: return;
            case ShapeKind.Boolean: _boolean = true; return;
            case ShapeKind.Integer:
                _integer = true;
                _exceedsLong |= shape.ExceedsLong;
                _maxIntegerDigits = Math.Max(_maxIntegerDigits, shape.IntegerDigits);
                return;
            case ShapeKind.Fixed:
                _fixed = true;
                _maxIntegerDigits = Math.Max(_maxIntegerDigits, shape.IntegerDigits);
                if (_scale < 0)
                {
                    _scale = shape.FractionDigits;
                }
                else if (_scale != shape.FractionDigits)
                {
                    _mixedScales = true;
                }

                return;
            case ShapeKind.Double: _double = true; return;
            case ShapeKind.Date: _date = true; return;
            case ShapeKind.Timestamp: _timestamp = true; return;
            default: _string = true; return;
        }
    }

    public DataType Result(bool inferDecimals)
    {
        var numeric = _integer || _fixed || _double;
        var temporal = _date || _timestamp;
        if (_string || (numeric ? 1 : 0) + (temporal ? 1 : 0) + (_boolean ? 1 : 0) > 1 || !SawValue)
        {
            return DataType.String;
        }

        if (_boolean)
        {
            return DataType.Boolean;
        }

        if (temporal)
        {
            return _timestamp ? DataType.Timestamp : DataType.Date;
        }

        if (_double)
        {
            return DataType.Double;
        }

        if (_fixed)
        {
            return inferDecimals && !_mixedScales && _maxIntegerDigits + _scale <= DecimalType.MaxPrecision
                ? new DecimalType(DecimalType.MaxPrecision, _scale)
                : DataType.Double;
        }

        if (!_exceedsLong)
        {
            return DataType.Long;
        }

        return inferDecimals && _maxIntegerDigits <= DecimalType.MaxPrecision ? new DecimalType(DecimalType.MaxPrecision, 0) : DataType.Double;
    }
}
