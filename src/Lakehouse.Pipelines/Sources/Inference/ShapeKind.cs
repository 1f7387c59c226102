namespace Lakehouse.Pipelines.Sources.Inference;

/// <summary>What one sampled value looks like, from narrowest to widest meaning.</summary>
internal enum ShapeKind : byte
{
    Null,
    Boolean,

    /// <summary>Digits with an optional sign and no fraction.</summary>
    Integer,

    /// <summary>Plain fixed-point number (<c>12.50</c>): exact as a decimal.</summary>
    Fixed,

    /// <summary>Exponent notation, NaN/Infinity, or too many digits for a decimal.</summary>
    Double,
    Date,
    Timestamp,
    String,
}
