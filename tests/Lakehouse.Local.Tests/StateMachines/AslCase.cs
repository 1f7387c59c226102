using System.Text.Json.Nodes;

namespace Lakehouse.Local.Tests.StateMachines;

/// <summary>
/// One table-driven case from StateMachines/Cases/*.json: a definition, an input and either the expected output
/// or the expected error (and cause). <see cref="Moto"/> marks cases moto's Step Functions engine can run too.
/// </summary>
internal sealed record AslCase(string File, string Name, bool Moto, JsonObject Definition, JsonNode? Input, JsonNode? Expected, string? ExpectedError, string? ExpectedCause)
{
    private static readonly Lazy<IReadOnlyList<AslCase>> AllLazy = new(LoadAll);

    public static IReadOnlyList<AslCase> All => AllLazy.Value;

    public string Id => $"{File}:{Name}";

    public static AslCase Get(string id) => All.Single(c => c.Id == id);

    private static IReadOnlyList<AslCase> LoadAll()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "StateMachines", "Cases");
        var cases = new List<AslCase>();
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileNameWithoutExtension(path);
            foreach (var node in JsonNode.Parse(System.IO.File.ReadAllText(path))!.AsArray())
            {
                var obj = node!.AsObject();
                cases.Add(new AslCase(
                    file,
                    obj["name"]!.GetValue<string>(),
                    obj["moto"]?.GetValue<bool>() ?? false,
                    obj["definition"]!.AsObject(),
                    obj["input"]?.DeepClone(),
                    obj.ContainsKey("expected") ? obj["expected"]?.DeepClone() : null,
                    obj["expectedError"]?.GetValue<string>(),
                    obj["expectedCause"]?.GetValue<string>()));
            }
        }

        return cases;
    }
}
