namespace Lakehouse.Local.StateMachines.Paths;

internal enum PathSegmentKind
{
    Field,
    Index,
    Wildcard,
}
