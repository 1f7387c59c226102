namespace Lakehouse.Local.Tests.StateMachines;

/// <summary>A test stand-in for the Delta commit-conflict exception: its ErrorType is <c>Lakehouse.CommitConflict</c>.</summary>
internal sealed class CommitConflictException(string message) : LakehouseException(message);
