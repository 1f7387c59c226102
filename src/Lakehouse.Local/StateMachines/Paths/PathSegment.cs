namespace Lakehouse.Local.StateMachines.Paths;

/// <summary>One step of a JsonPath: a field name, an array index, or a wildcard over all children.</summary>
internal readonly record struct PathSegment(PathSegmentKind Kind, string? Name, int Index)
{
    public static PathSegment Field(string name) => new(PathSegmentKind.Field, name, 0);

    public static PathSegment At(int index) => new(PathSegmentKind.Index, null, index);

    public static PathSegment Wildcard { get; } = new(PathSegmentKind.Wildcard, null, 0);
}
