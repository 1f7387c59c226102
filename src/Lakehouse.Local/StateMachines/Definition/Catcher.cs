namespace Lakehouse.Local.StateMachines.Definition;

/// <summary>One Catch entry: matching errors go to <see cref="Next"/> with <c>{Error, Cause}</c> at ResultPath.</summary>
internal sealed record Catcher(IReadOnlyList<string> ErrorEquals, string Next, PathField ResultPath)
{
    public bool Matches(string error) => ErrorMatcher.Matches(ErrorEquals, error);

    public static IReadOnlyList<Catcher> ReadAll(FieldReader state)
    {
        var array = state.Array("Catch");
        if (array is null)
        {
            return [];
        }

        var result = new List<Catcher>();
        for (var i = 0; i < array.Count; i++)
        {
            var r = ErrorMatcher.ReaderAt(array, i, state.State, "Catch");
            var errors = ErrorMatcher.Read(r, i == array.Count - 1);
            result.Add(new Catcher(errors, r.RequiredString("Next"), r.Path("ResultPath", allowNull: true, referenceOnly: true, PathField.Root)));
            r.Has("Comment");
            r.EnsureAllRead("a Catcher");
        }

        return result;
    }
}
